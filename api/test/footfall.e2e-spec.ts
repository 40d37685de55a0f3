import request from 'supertest';
import { createTestApp, type TestApp } from './app.js';
import { editorOf, signedIn } from './auth.js';
import { createCity } from './factories.js';
import { fixture } from './fixtures/import-helpers.js';

/** Laser-counter exports in (gaps, outages, shifted columns, mixed encodings), weekday-adjusted trend out. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Agent = Awaited<ReturnType<typeof editorOf>>;
const send = (agent: Agent, cityId: string, location: string, body: Buffer) =>
  sendAt(agent, cityId, location, [10.7, 50.95], body);
/** An upload with the counter's position; null: without lon and lat. */
const sendAt = (
  agent: Agent,
  cityId: string,
  location: string,
  lonLat: [number, number] | null,
  body: Buffer,
) =>
  agent
    .post(
      `/api/cities/${cityId}/footfall?location=${encodeURIComponent(location)}${lonLat ? `&lon=${lonLat[0]}&lat=${lonLat[1]}` : ''}`,
    )
    .set('Content-Type', 'text/csv')
    .send(body);
const storedHours = async (cityId: string): Promise<number> =>
  Number(
    (
      await t.db.query<{ n: string }[]>(`SELECT count(*) AS n FROM footfall_counts WHERE city_id = $1`, [
        cityId,
      ])
    )[0]!.n,
  );

/** One row per hour for the days given, `count(day, hour)` per hour; `skip` leaves hours out. */
function counterCsv(
  days: string[],
  count: (day: string, hour: number) => number,
  skip: (day: string, hour: number) => boolean = () => false,
): Buffer {
  const rows = ['Zeitstempel;Passanten'];
  for (const day of days)
    for (let h = 0; h < 24; h++)
      if (!skip(day, h)) rows.push(`${day} ${String(h).padStart(2, '0')}:00;${count(day, h)}`);
  return Buffer.from(rows.join('\n'));
}
const week = (monday: string) =>
  Array.from({ length: 7 }, (_, i) =>
    new Date(Date.parse(`${monday}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10),
  );

describe('footfall', () => {
  it('stores hourly counts and reports gaps, outages, repaired and rejected rows of a quirky export', async () => {
    const city = await createCity(t.db, [10.7, 50.95]);
    const editor = await editorOf(t, city.id);
    const res = await send(editor, city.id, 'Marktstraße', fixture('footfall-counter-mixed.csv')).expect(201);
    expect(res.body).toMatchObject({
      stored: 37,
      outageHours: 1,
      firstHour: '2025-03-02T23:00:00.000Z',
      lastHour: '2025-03-04T14:00:00.000Z',
      gaps: [{ from: '2025-03-04T11:00:00.000Z', to: '2025-03-04T14:00:00.000Z', hours: 3 }],
      repaired: [
        {
          line: 38,
          problem: 'removed_empty_cell',
          params: { column: 2 },
          reason: expect.stringMatching(/empty extra cell/),
        },
      ],
      rejected: [
        {
          line: 39,
          column: 'Anzahl',
          problem: 'invalid_count',
          params: {},
          reason: expect.stringMatching(/not a whole number/),
        },
      ],
    });
    expect(res.body.encodings.sort()).toEqual(['utf-8', 'windows-1252']);
    const stored = await t.db.query(
      `SELECT count, flags FROM footfall_counts f JOIN counting_locations l ON l.id = f.location_id
       WHERE l.city_id = $1 AND f.hour IN ('2025-03-03T11:00:00Z', '2025-03-04T09:00:00Z', '2025-03-04T14:00:00Z') ORDER BY f.hour`,
      [city.id],
    );
    expect(stored).toEqual([
      { count: 1234, flags: [] },
      { count: null, flags: ['outage'] },
      { count: 87, flags: [] },
    ]);
  });

  it('handles the clock changes: the repeated autumn hour is stored twice, a spring hour that does not exist is rejected', async () => {
    const city = await createCity(t.db, [10.7, 50.95]);
    const editor = await editorOf(t, city.id);
    const autumn = Buffer.from(
      'Datum;Uhrzeit;Anzahl\n26.10.2025;01:00;5\n26.10.2025;02:00;6\n26.10.2025;02:00;7\n26.10.2025;03:00;8\n30.03.2025;02:00;9\n',
    );
    const res = await send(editor, city.id, 'Bahnhof', autumn).expect(201);
    expect(res.body.stored).toBe(4);
    expect(res.body.gaps).toEqual([]);
    expect(res.body.rejected).toEqual([
      expect.objectContaining({
        line: 6,
        problem: 'nonexistent_hour',
        reason: expect.stringMatching(/does not exist/),
      }),
    ]);
  });

  it('compares each week with the same ISO week a year before, weekday by weekday, next to the vacancy rate', async () => {
    const city = await createCity(t.db, [10.7, 50.95]);
    const editor = await editorOf(t, city.id);
    // ISO week 10: 2024-03-04..10 and 2025-03-03..09. 2025's Sunday misses an hour: not a complete day.
    await send(
      editor,
      city.id,
      'Markt',
      counterCsv(week('2024-03-04'), () => 100),
    ).expect(201);
    await send(
      editor,
      city.id,
      'Markt',
      counterCsv(
        week('2025-03-03'),
        () => 110,
        (d, h) => d === '2025-03-09' && h === 5,
      ),
    ).expect(201);
    const trend = await editor
      .get(`/api/cities/${city.id}/footfall/trend?from=2025-03-03&to=2025-03-09`)
      .expect(200);
    expect(trend.body.weeks).toEqual([
      {
        locationCount: 1,
        isoYear: 2025,
        isoWeek: 10,
        weekStart: '2025-03-03',
        meanDailyCount: 2640,
        completeDays: 6,
        comparableDays: 6,
        yearOnYear: 0.1,
      },
    ]);
    expect(trend.body.locations).toEqual([expect.objectContaining({ name: 'Markt', hours: 24 * 14 - 1 })]);
    expect(trend.body.vacancy.length).toBeGreaterThan(0);
    expect(trend.body.method).toMatch(/same ISO week/);
  });

  it('keeps a stored counter position when lon and lat are sent empty, refuses text as coordinates', async () => {
    const city = await createCity(t.db, [10.7, 50.95]);
    const editor = await editorOf(t, city.id);
    const csv = counterCsv(['2025-03-03'], () => 10);
    await send(editor, city.id, 'Marktplatz', csv).expect(201);
    await editor
      .post(`/api/cities/${city.id}/footfall?location=Marktplatz&lon=&lat=`)
      .set('Content-Type', 'text/csv')
      .send(csv)
      .expect(201);
    const [row] = await t.db.query<{ lon: number; lat: number }[]>(
      `SELECT ST_X(location) AS lon, ST_Y(location) AS lat FROM counting_locations WHERE city_id = $1`,
      [city.id],
    );
    expect(row).toEqual({ lon: 10.7, lat: 50.95 });
    const bad = await editor
      .post(`/api/cities/${city.id}/footfall?location=Marktplatz&lon=zehn&lat=50.9`)
      .set('Content-Type', 'text/csv')
      .send(csv)
      .expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });

  it('rejects an implausible hourly count on its line instead of failing the file', async () => {
    const city = await createCity(t.db, [10.7, 50.95]);
    const editor = await editorOf(t, city.id);
    const file = Buffer.from(
      [
        'Zeitstempel;Richtung 1;Richtung 2',
        '2025-03-03 08:00;999999999;999999999',
        '2025-03-03 09:00;120;80',
        '2025-03-03 10:00;99999;2', // a typo: 100,001 in one hour
        '2025-03-03 11:00;30000;19000', // a very busy hour, still plausible
      ].join('\n'),
    );
    const res = await send(editor, city.id, 'Steinweg', file).expect(201);
    expect(res.body.rejected).toEqual(
      [2, 4].map((line) =>
        expect.objectContaining({
          line,
          problem: 'implausible_count',
          params: { max: 50_000 },
          reason: expect.stringMatching(/plausible/),
        }),
      ),
    );
  });

  it('defaults the trend to a year before a 29 February', async () => {
    const city = await createCity(t.db, [10.7, 50.95]);
    const editor = await editorOf(t, city.id);
    const res = await editor.get(`/api/cities/${city.id}/footfall/trend?to=2024-02-29`).expect(200);
    expect(res.body).toMatchObject({ from: '2023-02-28', to: '2024-02-29' });
  });

  it('refuses files it cannot read and people who may not upload', async () => {
    const city = await createCity(t.db, [10.7, 50.95], 20000, false);
    const editor = await editorOf(t, city.id);
    const res = await send(editor, city.id, 'X', Buffer.from('foo;bar\n1;2\n')).expect(400);
    expect(res.body.message).toMatch(/timestamp column/);
    expect(res.body.details).toEqual({ reason: 'unreadable_file', problem: 'no_time_column' });
    const noCount = await send(
      editor,
      city.id,
      'X',
      Buffer.from('Zeitstempel;Wetter\n2025-03-03 08:00;Regen\n'),
    );
    expect(noCount.body.details).toEqual({ reason: 'unreadable_file', problem: 'no_count_column' });
    const headerOnly = await send(editor, city.id, 'X', Buffer.from('Zeitstempel;Passanten\n\n')).expect(400);
    expect(headerOnly.body.details).toEqual({ reason: 'unreadable_file', problem: 'no_rows' });
    await send(
      await signedIn(t, [{ role: 'viewer', cityId: city.id }]),
      city.id,
      'X',
      fixture('footfall-counter-mixed.csv'),
    ).expect(403);
    await request(t.http).get(`/api/cities/${city.id}/footfall/trend`).expect(401);
  });

  it('refuses a counter outside the town’s municipal boundary and stores nothing; a town without one takes any position', async () => {
    const city = await createCity(t.db, [10.7, 50.95]);
    const editor = await editorOf(t, city.id);
    const csv = counterCsv(['2025-03-03'], () => 10);
    const berlin = await sendAt(editor, city.id, 'Alexanderplatz', [13.4, 52.5], csv).expect(422);
    expect(berlin.body).toEqual({
      code: 'OUTSIDE_TOWN',
      message:
        'The counter’s position (52.50000 N, 13.40000 E) lies outside the town’s municipal boundary: another town, or lon and lat swapped?',
      details: { coordinates: [13.4, 52.5] },
    });
    // lon and lat swapped
    await sendAt(editor, city.id, 'Markt', [50.95, 10.7], csv).expect(422);
    const locations = await t.db.query(`SELECT 1 FROM counting_locations WHERE city_id = $1`, [city.id]);
    expect(locations).toEqual([]);
    expect(await storedHours(city.id)).toBe(0);

    await t.db.query(`UPDATE cities SET boundary = NULL WHERE id = $1`, [city.id]);
    await sendAt(editor, city.id, 'Alexanderplatz', [13.4, 52.5], csv).expect(201);
  });

  it('keeps a counting location where it is: another position under its name is refused with the stored one and the distance', async () => {
    const city = await createCity(t.db, [10.7, 50.95]);
    const editor = await editorOf(t, city.id);
    await sendAt(
      editor,
      city.id,
      'Steinweg',
      null,
      counterCsv(['2025-03-03'], () => 10),
    ).expect(201);
    // the first position given is stored
    await sendAt(
      editor,
      city.id,
      'Steinweg',
      [10.7, 50.95],
      counterCsv(['2025-03-04'], () => 10),
    ).expect(201);
    // 0.01° of longitude at 50.95° N: 703 m on the ellipsoid
    const moved = await sendAt(
      editor,
      city.id,
      'Steinweg',
      [10.71, 50.95],
      counterCsv(['2025-03-05'], () => 10),
    ).expect(409);
    expect(moved.body).toEqual({
      code: 'DUPLICATE',
      message:
        'The counting location Steinweg is stored at 50.95000 N, 10.70000 E, 703 m from the position given. Send no lon and lat to add counts to it; for a counter that has moved, use a new name: at another place it counts other passers-by.',
      details: {
        reason: 'counter_elsewhere',
        location: 'Steinweg',
        storedCoordinates: [10.7, 50.95],
        distanceM: 703,
      },
    });
    expect(await storedHours(city.id)).toBe(48);
    // a few metres off (≈ 3.5 m) is the same counter; its stored position stays
    await sendAt(
      editor,
      city.id,
      'Steinweg',
      [10.70005, 50.95],
      counterCsv(['2025-03-05'], () => 10),
    ).expect(201);
    await sendAt(
      editor,
      city.id,
      'Steinweg',
      null,
      counterCsv(['2025-03-06'], () => 10),
    ).expect(201);
    const rows = await t.db.query(
      `SELECT name, ST_X(location) AS lon, ST_Y(location) AS lat FROM counting_locations WHERE city_id = $1`,
      [city.id],
    );
    expect(rows).toEqual([{ name: 'Steinweg', lon: 10.7, lat: 50.95 }]);
    expect(await storedHours(city.id)).toBe(96);
  });

  it('refuses a file of which no line can be stored, listing each line with its column, value and reason', async () => {
    const city = await createCity(t.db, [10.7, 50.95]);
    const editor = await editorOf(t, city.id);
    const file = Buffer.from(
      [
        'Datum;Uhrzeit;Passanten',
        '03.03.2025;08:00;-5',
        '03.03.2025;09:00;NaN',
        '30.03.2025;02:00;7',
        '01.01.1900;10:00;12',
        '03.03.2025;25:00;3',
        '03.03.2025;10:00',
      ].join('\n'),
    );
    const res = await send(editor, city.id, 'Markt', file).expect(400);
    expect(res.body).toEqual({
      code: 'VALIDATION_FAILED',
      message:
        'None of the file’s 6 rows can be stored: details.rejected lists each line with its column, value and reason.',
      details: {
        reason: 'no_valid_rows',
        repaired: [],
        rejected: [
          line(2, '03.03.2025;08:00;-5', 'Passanten', '-5', 'invalid_count'),
          line(3, '03.03.2025;09:00;NaN', 'Passanten', 'NaN', 'invalid_count'),
          line(4, '30.03.2025;02:00;7', 'Datum, Uhrzeit', '30.03.2025, 02:00', 'nonexistent_hour'),
          line(5, '01.01.1900;10:00;12', 'Datum, Uhrzeit', '01.01.1900, 10:00', 'before_counting', {
            year: 2000,
          }),
          line(6, '03.03.2025;25:00;3', 'Datum, Uhrzeit', '03.03.2025, 25:00', 'unreadable_hour'),
          line(7, '03.03.2025;10:00', null, null, 'cell_count', { cells: 2, headers: 3 }),
        ],
      },
    });
    expect(res.body.details.rejected[3].reason).toMatch(
      /before 2000-01-01, when there were no automatic pedestrian counters/,
    );
    expect(await storedHours(city.id)).toBe(0);
  });

  it('rejects hours before 2000 and hours that have not begun on their lines', async () => {
    const city = await createCity(t.db, [10.7, 50.95]);
    const editor = await editorOf(t, city.id);
    const next = new Date(Date.now() + 2 * 3_600_000);
    const future = `${next.toISOString().slice(0, 10)} ${next.toISOString().slice(11, 13)}:00`; // UTC, +1/+2 h in Berlin
    const file = Buffer.from(
      [
        'Zeitstempel;Passanten',
        '1900-01-01 10:00;12',
        '1999-12-31 23:00;12',
        '2000-01-01 00:00;12',
        `${future};5`,
        '2099-06-01 10:00;5',
      ].join('\n'),
    );
    const res = await send(editor, city.id, 'Markt', file).expect(201);
    expect(res.body).toMatchObject({ stored: 1, firstHour: '1999-12-31T23:00:00.000Z' });
    expect(res.body.rejected).toEqual([
      line(2, '1900-01-01 10:00;12', 'Zeitstempel', '1900-01-01 10:00', 'before_counting', { year: 2000 }),
      line(3, '1999-12-31 23:00;12', 'Zeitstempel', '1999-12-31 23:00', 'before_counting', { year: 2000 }),
      line(5, `${future};5`, 'Zeitstempel', future, 'future_hour'),
      line(6, '2099-06-01 10:00;5', 'Zeitstempel', '2099-06-01 10:00', 'future_hour'),
    ]);
  });

  it('takes a location name of blanks for a missing one', async () => {
    const city = await createCity(t.db, [10.7, 50.95]);
    const editor = await editorOf(t, city.id);
    const res = await send(
      editor,
      city.id,
      '   ',
      counterCsv(['2025-03-03'], () => 10),
    ).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.fields).toEqual([expect.objectContaining({ field: 'location' })]);
  });
});

describe('counting locations', () => {
  /** A counting location „Anger“ (no position) with the days' hourly counts; its id. */
  const angerWith = async (editor: Agent, cityId: string, days: string[]): Promise<string> =>
    (
      await sendAt(
        editor,
        cityId,
        'Anger',
        null,
        counterCsv(days, () => 10),
      ).expect(201)
    ).body.locationId as string;
  const locationsOf = (agent: Agent, cityId: string) => agent.get(`/api/cities/${cityId}/footfall/locations`);
  const correct = (agent: Agent, cityId: string, id: string, body: object) =>
    agent.patch(`/api/cities/${cityId}/footfall/locations/${id}`).send(body);
  const auditOf = (id: string) =>
    t.db.query<{ action: string; before: unknown; after: unknown }[]>(
      `SELECT action, before, after FROM audit_log WHERE entity_type = 'counting_location' AND entity_id = $1 ORDER BY id`,
      [id],
    );

  it('lists the locations with position and stored hours; a typo in the name and a mistyped position are corrected, the counts stay', async () => {
    const city = await createCity(t.db, [10.7, 50.95]);
    const editor = await editorOf(t, city.id);
    const first = await sendAt(
      editor,
      city.id,
      'Marktstrase',
      [10.71, 50.95],
      counterCsv(['2025-03-03'], (_, h) => (h === 5 ? 0 : 10)),
    ).expect(201);
    await sendAt(
      editor,
      city.id,
      'Anger',
      null,
      counterCsv(['2025-03-04'], () => 5),
    ).expect(201);
    const id = first.body.locationId as string;

    const listed = await locationsOf(editor, city.id).expect(200);
    expect(listed.body).toEqual([
      expect.objectContaining({ name: 'Anger', lonLat: null, hours: 24 }),
      {
        id,
        name: 'Marktstrase',
        lonLat: [10.71, 50.95],
        firstHour: '2025-03-02T23:00:00.000Z',
        lastHour: '2025-03-03T22:00:00.000Z',
        hours: 24,
        outageHours: 0,
      },
    ]);

    const fixed = await correct(editor, city.id, id, { name: ' Marktstraße ', lon: 10.7, lat: 50.95 }).expect(
      200,
    );
    expect(fixed.body).toMatchObject({ id, name: 'Marktstraße', lonLat: [10.7, 50.95], hours: 24 });
    // the corrected position is the one later uploads are compared with
    await sendAt(
      editor,
      city.id,
      'Marktstraße',
      [10.7, 50.95],
      counterCsv(['2025-03-04'], () => 10),
    ).expect(201);
    expect(await storedHours(city.id)).toBe(72);
    expect(await auditOf(id)).toEqual([
      {
        action: 'update',
        before: { name: 'Marktstrase', lonLat: [10.71, 50.95] },
        after: { name: 'Marktstraße', lonLat: [10.7, 50.95] },
      },
    ]);
    // the same values again change nothing and write no audit row
    await correct(editor, city.id, id, { name: 'Marktstraße', lon: 10.7, lat: 50.95 }).expect(200);
    expect(await auditOf(id)).toHaveLength(1);
    // both null remove the position
    const unplaced = await correct(editor, city.id, id, { lon: null, lat: null }).expect(200);
    expect(unplaced.body.lonLat).toBeNull();
  });

  it('refuses a name another location has, a position outside the town, half a position and blank names; nothing changes', async () => {
    const city = await createCity(t.db, [10.7, 50.95]);
    const editor = await editorOf(t, city.id);
    const csv = counterCsv(['2025-03-03'], () => 10);
    const a = (await sendAt(editor, city.id, 'Anger', [10.7, 50.95], csv).expect(201)).body
      .locationId as string;
    await sendAt(editor, city.id, 'Markt', null, csv).expect(201);

    const taken = await correct(editor, city.id, a, { name: 'Markt' }).expect(409);
    expect(taken.body).toEqual({
      code: 'DUPLICATE',
      message: 'The town already has a counting location named Markt.',
      details: { reason: 'location_name_taken', location: 'Markt' },
    });
    // another case is the same name to a reader
    expect((await correct(editor, city.id, a, { name: 'MARKT' }).expect(409)).body.details).toEqual({
      reason: 'location_name_taken',
      location: 'MARKT',
    });
    // its own name in another case is a correction of it
    await correct(editor, city.id, a, { name: 'ANGER' }).expect(200);
    await correct(editor, city.id, a, { name: 'Anger' }).expect(200);
    const outside = await correct(editor, city.id, a, { lon: 13.4, lat: 52.5 }).expect(422);
    expect(outside.body.code).toBe('OUTSIDE_TOWN');
    const half = await correct(editor, city.id, a, { lon: 10.71 }).expect(400);
    expect(half.body.message).toMatch(/both lon and lat/);
    await correct(editor, city.id, a, { lon: 10.71, lat: null }).expect(400);
    const blank = await correct(editor, city.id, a, { name: '  ' }).expect(400);
    expect(blank.body.details.fields).toEqual([expect.objectContaining({ field: 'name' })]);
    await correct(editor, city.id, a, { name: null }).expect(400);
    await correct(editor, city.id, a, { lon: 'zehn', lat: 50 }).expect(400);
    await correct(editor, city.id, a, { colour: 'red' }).expect(400);

    const [row] = await t.db.query(
      `SELECT name, ST_X(location) AS lon, ST_Y(location) AS lat FROM counting_locations WHERE id = $1`,
      [a],
    );
    expect(row).toEqual({ name: 'Anger', lon: 10.7, lat: 50.95 });
    // only the two case corrections were written
    expect((await auditOf(a)).map((r) => (r.after as { name: string }).name)).toEqual(['ANGER', 'Anger']);
  });

  it('removes the counts of some days, e.g. a file sent under the wrong location, and deletes a location with its counts', async () => {
    const city = await createCity(t.db, [10.7, 50.95]);
    const editor = await editorOf(t, city.id);
    const id = await angerWith(editor, city.id, week('2025-03-03'));
    const counts = (q: string) => editor.delete(`/api/cities/${city.id}/footfall/locations/${id}/counts${q}`);

    // Tuesday and Wednesday, local days: 48 hours, from 23:00 UTC on Monday
    const removed = await counts('?from=2025-03-04&to=2025-03-05').expect(200);
    expect(removed.body).toMatchObject({
      removedHours: 48,
      location: {
        id,
        hours: 120,
        firstHour: '2025-03-02T23:00:00.000Z',
        lastHour: '2025-03-09T22:00:00.000Z',
      },
    });
    const left = await t.db.query<{ day: string }[]>(
      `SELECT DISTINCT to_char(hour AT TIME ZONE 'Europe/Berlin', 'YYYY-MM-DD') AS day FROM footfall_counts
       WHERE location_id = $1 ORDER BY 1`,
      [id],
    );
    expect(left.map((r) => r.day)).toEqual([
      '2025-03-03',
      '2025-03-06',
      '2025-03-07',
      '2025-03-08',
      '2025-03-09',
    ]);
    expect((await counts('?from=2025-03-05&to=2025-03-04').expect(400)).body.message).toMatch(
      /from must not lie after to/,
    );
    await counts('?from=2025-03-04').expect(400);
    await counts('?from=2025-02-30&to=2025-03-04').expect(400);
    expect((await counts('?from=2024-01-01&to=2024-01-31').expect(200)).body.removedHours).toBe(0);
    expect((await auditOf(id)).map((r) => r.action)).toEqual(['update']);

    await editor.delete(`/api/cities/${city.id}/footfall/locations/${id}`).expect(204);
    expect(await storedHours(city.id)).toBe(0);
    expect(await locationsOf(editor, city.id).expect(200)).toHaveProperty('body', []);
    const audit = await auditOf(id);
    expect(audit.map((r) => r.action)).toEqual(['update', 'delete']);
    expect(audit[1]!.before).toMatchObject({ name: 'Anger', hours: 120 });
    await editor.delete(`/api/cities/${city.id}/footfall/locations/${id}`).expect(404);
  });

  it('keeps each town to its own locations, and readers to reading', async () => {
    const city = await createCity(t.db, [10.7, 50.95]);
    const other = await createCity(t.db, [10.7, 50.95]);
    const editor = await editorOf(t, city.id);
    const id = await angerWith(editor, city.id, ['2025-03-03']);
    const otherEditor = await editorOf(t, other.id);
    // another town's editor, through their own town: no such location there
    const notHere = await correct(otherEditor, other.id, id, { name: 'Hijacked' }).expect(404);
    expect(notHere.body.code).toBe('NOT_FOUND');
    await otherEditor.delete(`/api/cities/${other.id}/footfall/locations/${id}`).expect(404);
    await correct(otherEditor, city.id, id, { name: 'Hijacked' }).expect(403);
    await correct(editor, city.id, 'not-a-uuid', { name: 'X' }).expect(404);

    const viewer = await signedIn(t, [{ role: 'viewer', cityId: city.id }]);
    expect((await locationsOf(viewer, city.id).expect(200)).body).toHaveLength(1);
    await correct(viewer, city.id, id, { name: 'X' }).expect(403);
    await viewer.delete(`/api/cities/${city.id}/footfall/locations/${id}`).expect(403);
    await request(t.http).get(`/api/cities/${city.id}/footfall/locations`).expect(401);
    const [row] = await t.db.query(`SELECT name FROM counting_locations WHERE id = $1`, [id]);
    expect(row).toEqual({ name: 'Anger' });
  });
});

/** A rejected line as the answer lists it. */
function line(
  n: number,
  text: string,
  column: string | null,
  value: string | null,
  problem: string,
  params: Record<string, number> = {},
) {
  return { line: n, text, column, value, problem, params, reason: expect.any(String) };
}
