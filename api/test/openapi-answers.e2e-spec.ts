import request from 'supertest';
import { buildOpenApiDocument } from '../src/openapi.js';
import { createTestApp, type TestApp } from './app.js';
import { createUser, editorOf, signedIn, signIn, type Agent } from './auth.js';
import { createCity, storefrontBody, tileOf, type TestCity } from './factories.js';
import { fixture, upload } from './fixtures/import-helpers.js';
import { AnswerContract, type Answer } from './openapi-contract.js';
import { settled } from './settled.js';

/**
 * The OpenAPI document against the real answers: every feature module is called and each answer
 * (successes and typical errors) must be documented — status, media type and, for JSON, every field
 * with its type (no field more, none missing). See openapi-contract.ts for how the document's schemas
 * are read.
 */
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

let t: TestApp;
let contract: AnswerContract;
let city: TestCity;
let network: string;
let editor: Agent;
let admin: Agent;
let storefrontId: string;
let interventionId: string;
/** Made in beforeAll, checked in their feature's test (a failure there names the feature). */
let createdStorefront: request.Response;
let createdIntervention: request.Response;
const covered = new Set<string>();

const answerOf = (res: request.Response): Answer => ({
  status: res.status,
  type: res.type,
  body: res.body as unknown,
});

/** The answer is documented for the operation (`path` as in the document), and it is recorded as covered. */
function expectDocumented(method: Method, path: string, res: request.Response): request.Response {
  covered.add(`${method} ${path}`);
  expect(contract.problemsWith(method, path, answerOf(res))).toEqual([]);
  return res;
}

/** A list the check went through has entries: an empty one would have validated nothing. */
const expectFilled = (list: unknown): void => expect(Array.isArray(list) && list.length > 0).toBe(true);

beforeAll(async () => {
  t = await createTestApp();
  contract = new AnswerContract(buildOpenApiDocument(t.app));
  city = await createCity(t.db, [10.7, 50.95]);
  network = `contract-${Date.now()}`;
  const [net] = await t.db.query<{ id: string }[]>(
    `INSERT INTO networks (slug, name, description) VALUES ($1, 'Vertragsnetz', 'Testnetz') RETURNING id`,
    [network],
  );
  await t.db.query(`INSERT INTO network_members (network_id, city_id) VALUES ($1, $2)`, [net!.id, city.id]);
  await settled(t);
  editor = await editorOf(t, city.id);
  admin = await signedIn(t, [], true);

  const created = await editor
    .post('/api/storefronts')
    .send(storefrontBody(city, { referenceId: 'VERTRAG-1', notes: 'Schlüssel beim Nachbarn' }))
    .expect(201);
  createdStorefront = created;
  storefrontId = created.body.id as string;

  const intervention = await editor.post('/api/interventions').send({
    cityId: city.id,
    type: 'pop_up',
    title: 'Pop-up Marktstraße',
    state: 'ended',
    startDate: '2023-01-01',
    endDate: '2023-03-31',
    budgetEur: 5000,
    storefrontIds: [storefrontId],
  });
  createdIntervention = intervention;
  interventionId = intervention.body.id as string;
});
afterAll(() => t.close());

describe('the OpenAPI document', () => {
  const operations = () =>
    Object.entries(contract.document.paths).flatMap(([path, item]) =>
      (['get', 'post', 'put', 'patch', 'delete'] as const)
        .filter((method) => item[method])
        .map((method) => ({ path, method, operation: item[method]! })),
    );

  it('describes every success: a description, and a schema per media type (204: no body)', () => {
    const gaps: string[] = [];
    for (const { path, method, operation } of operations()) {
      const successes = Object.entries(operation.responses).filter(([status]) => status.startsWith('2'));
      if (successes.length === 0) gaps.push(`${method} ${path}: no success answer`);
      for (const [status, response] of successes) {
        const where = `${method} ${path} → ${status}`;
        if (!response) continue;
        if (!('description' in response) || !response.description.trim())
          gaps.push(`${where}: no description`);
        const content = 'content' in response ? response.content : undefined;
        if (status === '204') {
          if (content) gaps.push(`${where}: a 204 with a body`);
          continue;
        }
        if (!content || Object.keys(content).length === 0) gaps.push(`${where}: no content`);
        for (const [type, media] of Object.entries(content ?? {}))
          if (!media.schema) gaps.push(`${where}: ${type} without a schema`);
      }
    }
    expect(gaps).toEqual([]);
  });

  it('describes every error as JSON { code, message, details } with a description', () => {
    const gaps: string[] = [];
    for (const { path, method, operation } of operations()) {
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) < 400 || !response) continue;
        const where = `${method} ${path} → ${status}`;
        if (!('description' in response) || !response.description.trim())
          gaps.push(`${where}: no description`);
        const content = 'content' in response ? response.content : undefined;
        const ref = (content?.['application/json']?.schema as { $ref?: string } | undefined)?.$ref;
        if (!ref || !/\/(ApiErrorBody|ReportRenderErrorBody)$/.test(ref))
          gaps.push(`${where}: not the error body`);
      }
    }
    expect(gaps).toEqual([]);
  });

  it('has component schemas that all compile (no dangling references)', () => {
    expect(contract.compileAll()).toEqual([]);
  });

  it('catches an answer with a field missing, mistyped, out of its enum or undocumented', async () => {
    const res = await editor.get(`/api/storefronts/${storefrontId}`).expect(200);
    const check = (body: Record<string, unknown>) =>
      contract.problemsWith('get', '/api/storefronts/{id}', { ...answerOf(res), body });
    const real = res.body as Record<string, unknown>;
    expect(check(real)).toEqual([]);
    const { street: _street, ...withoutStreet } = real;
    expect(check(withoutStreet).join()).toMatch(/required property 'street'/);
    expect(check({ ...real, version: 'two' }).join()).toMatch(/\.version should be integer/);
    expect(check({ ...real, current: { ...(real.current as object), status: 'closed' } }).join()).toMatch(
      /\.current\.status should be equal to one of the allowed values/,
    );
    expect(check({ ...real, landlordPhone: '0361 5555' }).join()).toMatch(/additional properties/);
    expect(check({ ...real, location: null }).join()).toMatch(/\.location should be object/);
    expect(contract.problemsWith('get', '/api/storefronts/{id}', { ...answerOf(res), status: 418 })).toEqual([
      'GET /api/storefronts/{id} → 418 is not documented',
    ]);
  });
});

describe('answers as documented', () => {
  it('auth: session, sign-in, wrong password, sign-out', async () => {
    expectDocumented('get', '/api/auth/session', await request(t.http).get('/api/auth/session').expect(200));
    expectDocumented('get', '/api/auth/session', await editor.get('/api/auth/session').expect(200));
    const user = await createUser(t.db, [{ role: 'viewer', cityId: city.id }]);
    const signedInRes = await request(t.http)
      .post('/api/auth/sign-in')
      .send({ email: user.email, password: user.password })
      .expect(200);
    expectDocumented('post', '/api/auth/sign-in', signedInRes);
    const wrong = await request(t.http)
      .post('/api/auth/sign-in')
      .send({ email: user.email, password: 'not the password' })
      .expect(401);
    expectDocumented('post', '/api/auth/sign-in', wrong);
    const leaving = await signIn(t, user.email, user.password);
    expectDocumented('post', '/api/auth/sign-out', await leaving.post('/api/auth/sign-out').expect(204));
  });

  it('config and health', async () => {
    expectDocumented('get', '/api/config', await request(t.http).get('/api/config').expect(200));
    expectDocumented('get', '/api/health', await request(t.http).get('/api/health').expect(200));
    expectDocumented('get', '/api/health/live', await request(t.http).get('/api/health/live').expect(200));
    expectDocumented('get', '/api/health/ready', await request(t.http).get('/api/health/ready').expect(200));
  });

  it('networks and cities', async () => {
    expectDocumented('get', '/api/networks', await request(t.http).get('/api/networks').expect(200));
    expectDocumented(
      'get',
      '/api/networks/{idOrSlug}',
      await request(t.http).get(`/api/networks/${network}`).expect(200),
    );
    expectDocumented(
      'get',
      '/api/networks/{idOrSlug}',
      await request(t.http).get('/api/networks/no-such-network').expect(404),
    );
    expectDocumented('get', '/api/cities', await request(t.http).get('/api/cities').expect(200));
    expectDocumented(
      'get',
      '/api/cities/{idOrSlug}',
      await request(t.http).get(`/api/cities/${city.slug}`).expect(200),
    );
    const { version } = (await request(t.http).get(`/api/cities/${city.id}`).expect(200)).body as {
      version: number;
    };
    const openData = await editor
      .put(`/api/cities/${city.id}/open-data`)
      .send({ openData: true, version })
      .expect(200);
    expectDocumented('put', '/api/cities/{id}/open-data', openData);
    const stale = await editor
      .put(`/api/cities/${city.id}/open-data`)
      .send({ openData: true, version })
      .expect(409);
    expectDocumented('put', '/api/cities/{id}/open-data', stale);
    expectDocumented(
      'put',
      '/api/cities/{id}/open-data',
      await request(t.http)
        .put(`/api/cities/${city.id}/open-data`)
        .send({ openData: true, version })
        .expect(401),
    );
  });

  it('storefronts: list, summary, detail (also before its first period), changes, change, verify', async () => {
    expectDocumented('post', '/api/storefronts', createdStorefront);
    const q = `cityId=${city.id}`;
    expectFilled(
      expectDocumented(
        'get',
        '/api/storefronts',
        await request(t.http).get(`/api/storefronts?${q}`).expect(200),
      ).body.items,
    );
    expectDocumented(
      'get',
      '/api/storefronts',
      await request(t.http).get('/api/storefronts?pageSize=0').expect(400),
    );
    expectDocumented(
      'get',
      '/api/storefronts/summary',
      await request(t.http).get(`/api/storefronts/summary?${q}`).expect(200),
    );
    const detail = await request(t.http).get(`/api/storefronts/${storefrontId}`).expect(200);
    expectDocumented('get', '/api/storefronts/{id}', detail);
    expect(detail.body.notes).toBeNull();
    const before = await editor.get(`/api/storefronts/${storefrontId}?asOf=2010-01-01`).expect(200);
    expect(before.body.current).toBeNull();
    expectDocumented('get', '/api/storefronts/{id}', before);
    expectDocumented(
      'get',
      '/api/storefronts/{id}',
      await request(t.http).get('/api/storefronts/00000000-0000-4000-8000-000000000000').expect(404),
    );
    const changed = await editor
      .patch(`/api/storefronts/${storefrontId}`)
      .send({ version: detail.body.version, frontageM: 6.5, postcode: null })
      .expect(200);
    expectDocumented('patch', '/api/storefronts/{id}', changed);
    const stale = await editor
      .patch(`/api/storefronts/${storefrontId}`)
      .send({ version: detail.body.version, frontageM: 7 })
      .expect(409);
    expectDocumented('patch', '/api/storefronts/{id}', stale);
    const verified = await editor
      .post(`/api/storefronts/${storefrontId}/verify`)
      .send({ version: changed.body.version })
      .expect(200);
    expectDocumented('post', '/api/storefronts/{id}/verify', verified);
    expectFilled(
      expectDocumented(
        'get',
        '/api/storefronts/{id}/changes',
        await editor.get(`/api/storefronts/${storefrontId}/changes`).expect(200),
      ).body,
    );
    const viewer = await signedIn(t, [{ role: 'viewer', cityId: city.id }]);
    const visits = expectDocumented(
      'get',
      '/api/storefronts/{id}/verifications',
      await viewer.get(`/api/storefronts/${storefrontId}/verifications`).expect(200),
    ).body as { visits: string[] };
    expect(visits.visits).toHaveLength(1); // the visit just recorded
    expectDocumented(
      'get',
      '/api/storefronts/{id}/changes',
      await viewer.get(`/api/storefronts/${storefrontId}/changes`).expect(403),
    );
    const doomed = await editor.post('/api/storefronts').send(storefrontBody(city)).expect(201);
    expectDocumented(
      'delete',
      '/api/storefronts/{id}',
      await editor.delete(`/api/storefronts/${doomed.body.id}?version=${doomed.body.version}`).expect(204),
    );
  });

  it('occupancy: history, status change, correction, invalid period', async () => {
    const history = await request(t.http).get(`/api/storefronts/${storefrontId}/occupancy`).expect(200);
    expectFilled(history.body);
    expectDocumented('get', '/api/storefronts/{id}/occupancy', history);
    const { version } = (await editor.get(`/api/storefronts/${storefrontId}`).expect(200)).body as {
      version: number;
    };
    const changed = await editor
      .post(`/api/storefronts/${storefrontId}/status-changes`)
      .send({ version, date: '2024-05-01', status: 'vacant', note: 'Mieter ausgezogen' })
      .expect(201);
    expectDocumented('post', '/api/storefronts/{id}/status-changes', changed);
    const last = (changed.body.periods as { id: string }[]).at(-1)!;
    const corrected = await editor
      .patch(`/api/storefronts/${storefrontId}/occupancy/${last.id}`)
      .send({ version: changed.body.storefront.version, validFrom: '2024-06-01' })
      .expect(200);
    expectDocumented('patch', '/api/storefronts/{id}/occupancy/{periodId}', corrected);
    const tooEarly = await editor
      .post(`/api/storefronts/${storefrontId}/status-changes`)
      .send({ version: corrected.body.storefront.version, date: '2019-01-01', status: 'occupied' })
      .expect(422);
    expectDocumented('post', '/api/storefronts/{id}/status-changes', tooEarly);
  });

  it('contacts: put, get, a unit without contact, delete', async () => {
    const { version } = (await editor.get(`/api/storefronts/${storefrontId}`).expect(200)).body as {
      version: number;
    };
    const put = await editor
      .put(`/api/storefronts/${storefrontId}/contact`)
      .send({ version, ownerName: 'Erika Muster', askingRentEurMonth: 850 })
      .expect(200);
    expectDocumented('put', '/api/storefronts/{id}/contact', put);
    expectDocumented(
      'get',
      '/api/storefronts/{id}/contact',
      await editor.get(`/api/storefronts/${storefrontId}/contact`).expect(200),
    );
    expectDocumented(
      'get',
      '/api/storefronts/{id}/contact',
      await request(t.http).get(`/api/storefronts/${storefrontId}/contact`).expect(401),
    );
    // No contact is a documented 204 without a body, not 404 and not an empty 200.
    const bare = await editor.post('/api/storefronts').send(storefrontBody(city)).expect(201);
    const none = await editor.get(`/api/storefronts/${bare.body.id}/contact`).expect(204);
    expectDocumented('get', '/api/storefronts/{id}/contact', none);
    expect(none.text).toBe('');
    const after = (await editor.get(`/api/storefronts/${storefrontId}`).expect(200)).body as {
      version: number;
    };
    expectDocumented(
      'delete',
      '/api/storefronts/{id}/contact',
      await editor.delete(`/api/storefronts/${storefrontId}/contact?version=${after.version}`).expect(204),
    );
  });

  it('interventions: create, list, detail, outcome check', async () => {
    expectDocumented('post', '/api/interventions', createdIntervention);
    expectFilled(
      expectDocumented(
        'get',
        '/api/interventions',
        await editor.get(`/api/interventions?cityId=${city.id}`).expect(200),
      ).body.items,
    );
    expectDocumented(
      'get',
      '/api/interventions',
      await request(t.http).get(`/api/interventions?cityId=${city.id}`).expect(401),
    );
    const detail = await editor.get(`/api/interventions/${interventionId}`).expect(200);
    expectDocumented('get', '/api/interventions/{id}', detail);
    const checked = await editor
      .put(`/api/interventions/${interventionId}/outcome-checks/12`)
      .send({ version: detail.body.version, checkedOn: '2024-04-02', regularLeaseSigned: true })
      .expect(200);
    expectDocumented('put', '/api/interventions/{id}/outcome-checks/{months}', checked);
    const wrongMonths = await editor
      .put(`/api/interventions/${interventionId}/outcome-checks/7`)
      .send({ version: checked.body.version, regularLeaseSigned: true })
      .expect(400);
    expectDocumented('put', '/api/interventions/{id}/outcome-checks/{months}', wrongMonths);
  });

  it('kpis: snapshot, series, network summary, interventions by type, before and after', async () => {
    expectDocumented(
      'get',
      '/api/kpis',
      await request(t.http).get(`/api/kpis?cityId=${city.id}&asOf=2024-12-31`).expect(200),
    );
    expectDocumented(
      'get',
      '/api/kpis',
      await admin.get('/api/kpis?cityId=00000000-0000-4000-8000-000000000000').expect(404),
    );
    expectFilled(
      expectDocumented(
        'get',
        '/api/kpis/series',
        await request(t.http)
          .get(`/api/kpis/series?cityId=${city.id}&from=2024-01-01&to=2024-12-31&interval=quarter`)
          .expect(200),
      ).body.towns[0].buckets,
    );
    expectFilled(
      expectDocumented(
        'get',
        '/api/kpis/transitions',
        await request(t.http).get(`/api/kpis/transitions?cityId=${city.id}&from=2000-01-01`).expect(200),
      ).body.transitions,
    );
    const summary = await request(t.http).get(`/api/kpis/network-summary?network=${network}`).expect(200);
    expectDocumented('get', '/api/kpis/network-summary', summary);
    expect(summary.body.towns).toBe(1);
    expectFilled(
      expectDocumented(
        'get',
        '/api/kpis/interventions-by-type',
        await editor.get(`/api/kpis/interventions-by-type?cityId=${city.id}`).expect(200),
      ).body.types,
    );
    expectFilled(
      expectDocumented(
        'get',
        '/api/kpis/interventions-by-type-and-town',
        await editor.get(`/api/kpis/interventions-by-type-and-town?cityId=${city.id}`).expect(200),
      ).body.types[0].towns,
    );
    expectFilled(
      expectDocumented(
        'get',
        '/api/kpis/interventions/{id}/occupancy-before-after',
        await editor.get(`/api/kpis/interventions/${interventionId}/occupancy-before-after`).expect(200),
      ).body.units,
    );
  });

  it('imports: upload, suggestions, mapping, dry run, refused and accepted commit, status', async () => {
    const up = await upload(
      editor,
      city.id,
      fixture('storefronts-2025-windows1252.csv'),
      'Leerstand.csv',
    ).expect(201);
    expectDocumented('post', '/api/cities/{id}/imports', up);
    expectFilled(up.body.preview);
    const url = `/api/cities/${city.id}/imports/${up.body.id}`;
    const suggestions = await editor.get(`${url}/suggestions`).expect(200);
    expectDocumented('get', '/api/cities/{id}/imports/{importId}/suggestions', suggestions);
    const mapping = { ...suggestions.body.mapping, referenceDate: '2025-01-01' };
    expectDocumented(
      'put',
      '/api/cities/{id}/imports/{importId}/mapping',
      await editor.put(`${url}/mapping`).send(mapping).expect(200),
    );
    expectFilled(
      expectDocumented(
        'post',
        '/api/cities/{id}/imports/{importId}/dry-run',
        await editor.post(`${url}/dry-run`).expect(200),
      ).body.problems,
    );
    expectDocumented(
      'post',
      '/api/cities/{id}/imports/{importId}/commit',
      await editor.post(`${url}/commit`).expect(400),
    );
    const refused = await editor.get(url).expect(200);
    expect(refused.body.error).toMatchObject({ reason: 'rows_rejected' });
    expectDocumented('get', '/api/cities/{id}/imports/{importId}', refused);
    await editor
      .put(`${url}/mapping`)
      .send({ ...mapping, skipInvalidRows: true })
      .expect(200);
    expectDocumented(
      'post',
      '/api/cities/{id}/imports/{importId}/commit',
      await editor.post(`${url}/commit`).expect(200),
    );
    expectDocumented('get', '/api/cities/{id}/imports/{importId}', await editor.get(url).expect(200));
    expectDocumented(
      'get',
      '/api/cities/{id}/imports/{importId}',
      await editor.get(`/api/cities/${city.id}/imports/00000000-0000-4000-8000-000000000000`).expect(404),
    );
  });

  it('users: list, create, change, reset password, refusal', async () => {
    expectFilled(expectDocumented('get', '/api/users', await admin.get('/api/users').expect(200)).body);
    expectDocumented('get', '/api/users', await editor.get('/api/users').expect(403));
    const created = await admin
      .post('/api/users')
      .send({
        email: `contract-${Date.now()}@test.example`,
        displayName: 'Vera Vertrag',
        grants: [{ role: 'viewer', cityId: city.id }],
      })
      .expect(201);
    expectDocumented('post', '/api/users', created);
    const { id, version } = created.body.user as { id: string; version: number };
    expectDocumented(
      'patch',
      '/api/users/{id}',
      await admin.patch(`/api/users/${id}`).send({ version, displayName: 'Vera V.' }).expect(200),
    );
    expectDocumented(
      'post',
      '/api/users/{id}/reset-password',
      await admin.post(`/api/users/${id}/reset-password`).expect(200),
    );
  });

  it('footfall: counter file and trend', async () => {
    const counted = await editor
      .post(`/api/cities/${city.id}/footfall?location=Marktstra%C3%9Fe&lon=10.7&lat=50.95`)
      .set('Content-Type', 'text/csv')
      .send(fixture('footfall-counter-mixed.csv'))
      .expect(201);
    expectDocumented('post', '/api/cities/{id}/footfall', counted);
    expectFilled(
      expectDocumented(
        'get',
        '/api/cities/{id}/footfall/trend',
        await editor.get(`/api/cities/${city.id}/footfall/trend?from=2025-01-01&to=2025-06-30`).expect(200),
      ).body.weeks,
    );
    const locations = expectDocumented(
      'get',
      '/api/cities/{id}/footfall/locations',
      await editor.get(`/api/cities/${city.id}/footfall/locations`).expect(200),
    ).body as { id: string }[];
    const location = `/api/cities/${city.id}/footfall/locations/${locations[0]!.id}`;
    expectDocumented(
      'patch',
      '/api/cities/{id}/footfall/locations/{locationId}',
      await editor.patch(location).send({ name: 'Marktstraße Nord' }).expect(200),
    );
    expectDocumented(
      'delete',
      '/api/cities/{id}/footfall/locations/{locationId}/counts',
      await editor.delete(`${location}/counts?from=2025-03-03&to=2025-03-03`).expect(200),
    );
  });

  it('walk: the streets and one street’s units', async () => {
    const overview = expectDocumented(
      'get',
      '/api/cities/{id}/walk',
      await editor.get(`/api/cities/${city.id}/walk`).expect(200),
    ).body as { streets: { street: string }[] };
    expectFilled(overview.streets);
    expectFilled(
      expectDocumented(
        'get',
        '/api/cities/{id}/walk/units',
        await editor
          .get(`/api/cities/${city.id}/walk/units?street=${encodeURIComponent(overview.streets[0]!.street)}`)
          .expect(200),
      ).body.items,
    );
  });

  it('ogc: landing, conformance, collections, items and one feature; tilejson', async () => {
    const anonymous = request(t.http);
    expectDocumented('get', '/api/ogc', await anonymous.get('/api/ogc').expect(200));
    expectDocumented('get', '/api/ogc/conformance', await anonymous.get('/api/ogc/conformance').expect(200));
    expectDocumented('get', '/api/ogc/collections', await anonymous.get('/api/ogc/collections').expect(200));
    expectDocumented(
      'get',
      '/api/ogc/collections/{collectionId}',
      await anonymous.get('/api/ogc/collections/storefronts').expect(200),
    );
    const [lon, lat] = city.centre;
    const bbox = [lon - 0.01, lat - 0.01, lon + 0.01, lat + 0.01].join(',');
    for (const collection of ['storefronts', 'perimeters'])
      expectFilled(
        expectDocumented(
          'get',
          '/api/ogc/collections/{collectionId}/items',
          await anonymous.get(`/api/ogc/collections/${collection}/items?bbox=${bbox}&limit=5`).expect(200),
        ).body.features,
      );
    expectDocumented(
      'get',
      '/api/ogc/collections/{collectionId}/items/{featureId}',
      await anonymous.get(`/api/ogc/collections/storefronts/items/${storefrontId}`).expect(200),
    );
    expectDocumented(
      'get',
      '/api/ogc/collections/{collectionId}/items/{featureId}',
      await anonymous.get(`/api/ogc/collections/perimeters/items/${city.id}`).expect(200),
    );
    expectDocumented(
      'get',
      '/api/ogc/collections/{collectionId}/items',
      await anonymous.get('/api/ogc/collections/roads/items').expect(404),
    );
    expectFilled(
      expectDocumented(
        'get',
        '/api/tiles/storefronts.json',
        await anonymous.get('/api/tiles/storefronts.json').expect(200),
      ).body.vector_layers,
    );
  });

  it('tiles, exports and report maps answer their documented media types', async () => {
    const { x, y } = tileOf(city.centre[0] + 0.001, city.centre[1] + 0.001, 14);
    const tileUrl = `/api/tiles/storefronts/14/${x}/${y}?cityId=${city.id}`;
    const tile = await request(t.http).get(tileUrl).expect(200);
    expectDocumented('get', '/api/tiles/storefronts/{z}/{x}/{y}', tile);
    const unchanged = await request(t.http)
      .get(tileUrl)
      .set('If-None-Match', String(tile.headers.etag))
      .expect(304);
    expectDocumented('get', '/api/tiles/storefronts/{z}/{x}/{y}', unchanged);
    const q = `cityId=${city.id}`;
    for (const file of [
      'storefronts.csv',
      'occupancy.csv',
      'kpis.csv',
      'storefronts.xlsx',
      'storefronts.geojson',
    ]) {
      const exported = await editor.get(`/api/exports/${file}?${q}`).expect(200);
      expectDocumented('get', `/api/exports/${file}`, exported);
      if (file.endsWith('.geojson')) expectFilled(exported.body.features);
    }
    expectFilled(
      expectDocumented(
        'get',
        '/api/reports/towns/{idOrSlug}/map',
        await request(t.http).get(`/api/reports/towns/${city.slug}/map?asOf=2024-12-31`).expect(200),
      ).body.units,
    );
    expectFilled(
      expectDocumented(
        'get',
        '/api/reports/networks/{idOrSlug}/map',
        await request(t.http).get(`/api/reports/networks/${network}/map`).expect(200),
      ).body.towns,
    );
  });

  it('covers every feature module (tag) of the document', () => {
    const tags = new Map<string, string[]>();
    for (const [path, item] of Object.entries(contract.document.paths))
      for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const)
        for (const tag of item[method]?.tags ?? [])
          tags.set(tag, [...(tags.get(tag) ?? []), `${method} ${path}`]);
    const untested = [...tags].filter(([, ops]) => !ops.some((op) => covered.has(op))).map(([tag]) => tag);
    expect(untested).toEqual([]);
  });
});
