import request from 'supertest';
import { buildOpenApiDocument } from '../src/openapi.js';
import { createTestApp, type TestApp } from './app.js';
import { signedIn, type Agent } from './auth.js';
import { createCity, storefrontBody, type TestCity } from './factories.js';
import { settled } from './settled.js';

/**
 * Every endpoint × every role × own town vs other town → allowed, or denied with the exact status.
 * The routes come from the running application, so an endpoint added without a row here fails.
 *
 * Towns A and B belong to one network and do not publish open data. The viewer, the editor and the
 * network member are A's; the network member also reads B. "Allowed" means neither 401 nor 403 (the
 * request itself may still be invalid: writes send incomplete bodies so that nothing changes).
 */
type Entity = 'city' | 'storefront' | 'intervention';
type Rule =
  | { access: 'public' | 'admin' | 'signedIn'; skip?: string }
  | { access: 'read' | 'readPublic' | 'edit' | 'personal'; entity: Entity; via: 'param' | 'body' }
  | { access: 'list' };

const RULES: Record<string, Rule> = {
  'POST /api/auth/sign-in': { access: 'public', skip: 'tested in auth.e2e-spec' },
  'POST /api/auth/sign-out': {
    access: 'public',
    skip: 'would end the sessions this test uses; tested in auth.e2e-spec',
  },
  'GET /api/auth/session': { access: 'public' },
  'POST /api/auth/password': { access: 'signedIn' },
  'GET /api/users': { access: 'admin' },
  'POST /api/users': { access: 'admin' },
  'PATCH /api/users/{id}': { access: 'admin' },
  'POST /api/users/{id}/reset-password': { access: 'admin' },
  'GET /api/health': { access: 'public' },
  'GET /api/health/live': { access: 'public' },
  'GET /api/health/ready': { access: 'public' },
  'GET /api/config': { access: 'public' },
  'GET /api/networks': { access: 'public' },
  'GET /api/networks/{idOrSlug}': { access: 'public' },
  'GET /api/cities': { access: 'public' },
  'GET /api/cities/{idOrSlug}': { access: 'public' },
  'PUT /api/cities/{id}/open-data': { access: 'edit', entity: 'city', via: 'param' },
  'PUT /api/cities/{id}/perimeter': { access: 'edit', entity: 'city', via: 'param' },
  'GET /api/storefronts': { access: 'list' },
  'POST /api/storefronts': { access: 'edit', entity: 'city', via: 'body' },
  'GET /api/storefronts/summary': { access: 'list' },
  'GET /api/storefronts/{id}': { access: 'readPublic', entity: 'storefront', via: 'param' },
  'PATCH /api/storefronts/{id}': { access: 'edit', entity: 'storefront', via: 'param' },
  'DELETE /api/storefronts/{id}': { access: 'edit', entity: 'storefront', via: 'param' },
  'GET /api/storefronts/{id}/changes': { access: 'edit', entity: 'storefront', via: 'param' },
  'GET /api/storefronts/{id}/verifications': { access: 'readPublic', entity: 'storefront', via: 'param' },
  'POST /api/storefronts/{id}/verify': { access: 'edit', entity: 'storefront', via: 'param' },
  'GET /api/storefronts/{id}/occupancy': { access: 'readPublic', entity: 'storefront', via: 'param' },
  'POST /api/storefronts/{id}/status-changes': { access: 'edit', entity: 'storefront', via: 'param' },
  'PATCH /api/storefronts/{id}/occupancy/{periodId}': { access: 'edit', entity: 'storefront', via: 'param' },
  'DELETE /api/storefronts/{id}/occupancy/{periodId}': { access: 'edit', entity: 'storefront', via: 'param' },
  'GET /api/storefronts/{id}/contact': { access: 'personal', entity: 'storefront', via: 'param' },
  'PUT /api/storefronts/{id}/contact': { access: 'personal', entity: 'storefront', via: 'param' },
  'DELETE /api/storefronts/{id}/contact': { access: 'personal', entity: 'storefront', via: 'param' },
  'GET /api/interventions': { access: 'list' },
  'POST /api/interventions': { access: 'edit', entity: 'city', via: 'body' },
  'GET /api/interventions/{id}': { access: 'read', entity: 'intervention', via: 'param' },
  'PATCH /api/interventions/{id}': { access: 'edit', entity: 'intervention', via: 'param' },
  'DELETE /api/interventions/{id}': { access: 'edit', entity: 'intervention', via: 'param' },
  'PUT /api/interventions/{id}/outcome-checks/{months}': {
    access: 'edit',
    entity: 'intervention',
    via: 'param',
  },
  'GET /api/kpis': { access: 'list' },
  'GET /api/kpis/series': { access: 'list' },
  'GET /api/kpis/transitions': { access: 'list' },
  'GET /api/kpis/network-summary': { access: 'public' },
  'GET /api/kpis/interventions-by-type': { access: 'list' },
  'GET /api/kpis/interventions-by-type-and-town': { access: 'list' },
  'GET /api/kpis/interventions/{id}/occupancy-before-after': {
    access: 'read',
    entity: 'intervention',
    via: 'param',
  },
  'GET /api/tiles/storefronts/{z}/{x}/{y}': { access: 'list' },
  'POST /api/cities/{id}/imports': { access: 'edit', entity: 'city', via: 'param' },
  'GET /api/cities/{id}/imports/{importId}': { access: 'edit', entity: 'city', via: 'param' },
  'GET /api/cities/{id}/imports/{importId}/suggestions': { access: 'edit', entity: 'city', via: 'param' },
  'PUT /api/cities/{id}/imports/{importId}/mapping': { access: 'edit', entity: 'city', via: 'param' },
  'POST /api/cities/{id}/imports/{importId}/dry-run': { access: 'edit', entity: 'city', via: 'param' },
  'POST /api/cities/{id}/imports/{importId}/commit': { access: 'edit', entity: 'city', via: 'param' },
  'GET /api/exports/storefronts.csv': { access: 'list' },
  'GET /api/exports/storefronts.xlsx': { access: 'list' },
  'GET /api/exports/storefronts.geojson': { access: 'list' },
  'GET /api/exports/occupancy.csv': { access: 'list' },
  'GET /api/exports/kpis.csv': { access: 'list' },
  'GET /api/ogc': { access: 'public' },
  'GET /api/ogc/conformance': { access: 'public' },
  'GET /api/ogc/collections': { access: 'public' },
  'GET /api/ogc/collections/{collectionId}': { access: 'public' },
  'GET /api/ogc/collections/{collectionId}/items': { access: 'public' },
  'GET /api/ogc/collections/{collectionId}/items/{featureId}': { access: 'public' },
  'GET /api/tiles/storefronts.json': { access: 'public' },
  'POST /api/cities/{id}/footfall': { access: 'edit', entity: 'city', via: 'param' },
  'GET /api/cities/{id}/footfall/trend': { access: 'read', entity: 'city', via: 'param' },
  'GET /api/cities/{id}/footfall/locations': { access: 'read', entity: 'city', via: 'param' },
  'GET /api/cities/{id}/walk': { access: 'edit', entity: 'city', via: 'param' },
  'GET /api/cities/{id}/walk/units': { access: 'edit', entity: 'city', via: 'param' },
  'PATCH /api/cities/{id}/footfall/locations/{locationId}': { access: 'edit', entity: 'city', via: 'param' },
  'DELETE /api/cities/{id}/footfall/locations/{locationId}': { access: 'edit', entity: 'city', via: 'param' },
  'DELETE /api/cities/{id}/footfall/locations/{locationId}/counts': {
    access: 'edit',
    entity: 'city',
    via: 'param',
  },
  'GET /api/reports/towns/{idOrSlug}/map': { access: 'readPublic', entity: 'city', via: 'param' },
  'GET /api/reports/towns/{idOrSlug}.pdf': { access: 'read', entity: 'city', via: 'param' },
  'GET /api/reports/networks/{idOrSlug}.pdf': { access: 'signedIn' },
  'GET /api/reports/networks/{idOrSlug}/map': { access: 'public' },
};

type Role = 'anonymous' | 'viewerA' | 'editorA' | 'memberAB' | 'admin';
const ROLES: Role[] = ['anonymous', 'viewerA', 'editorA', 'memberAB', 'admin'];
type Town = 'A' | 'B';

let t: TestApp;
let agents: Record<Exclude<Role, 'anonymous'>, Agent>;
/** Around towns A and B (and nowhere another suite puts a town). */
const MATRIX_BBOX = '9.55,50.5,9.72,50.62';
const ids = {} as Record<Town, { city: TestCity; storefront: string; period: string; intervention: string }>;
let throwawayUserId: string;

beforeAll(async () => {
  t = await createTestApp();
  const network = `matrix-${Date.now()}`;
  const [net] = await t.db.query(`INSERT INTO networks (slug, name) VALUES ($1, 'Matrixnetz') RETURNING id`, [
    network,
  ]);
  const setup = await signedIn(t, []);
  for (const [town, centre] of [
    // places no other suite uses: the unfiltered list below looks only there (a shared test database
    // holds thousands of other suites' units in open-data towns around their default centre)
    ['A', [9.61, 50.55]],
    ['B', [9.66, 50.57]],
  ] as const) {
    const city = await createCity(t.db, [centre[0], centre[1]], 20000, false);
    await t.db.query(`INSERT INTO network_members (network_id, city_id) VALUES ($1, $2)`, [net.id, city.id]);
    await t.db.query(`INSERT INTO user_grants (user_id, role, city_id) VALUES ($1, 'city_editor', $2)`, [
      setup.userId,
      city.id,
    ]);
    await settled(t);
    const storefront = (await setup.post('/api/storefronts').send(storefrontBody(city)).expect(201)).body
      .id as string;
    const periods = await setup.get(`/api/storefronts/${storefront}/occupancy`).expect(200);
    const intervention = await setup
      .post('/api/interventions')
      .send({
        cityId: city.id,
        type: 'pop_up',
        title: 'Pop-up',
        state: 'ended',
        startDate: '2024-01-01',
        endDate: '2024-03-31',
      })
      .expect(201);
    ids[town] = { city, storefront, period: periods.body[0].id, intervention: intervention.body.id };
  }
  agents = {
    viewerA: await signedIn(t, [{ role: 'viewer', cityId: ids.A.city.id }]),
    editorA: await signedIn(t, [{ role: 'city_editor', cityId: ids.A.city.id }]),
    memberAB: await signedIn(t, [{ role: 'network_member', networkId: net.id }]),
    admin: await signedIn(t, [], true),
  };
  throwawayUserId = (await signedIn(t, [])).userId;
});
afterAll(() => t.close());

function routes(): string[] {
  const doc = buildOpenApiDocument(t.app);
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
  );
}

/** What the role may do in the town under the rule; null = allowed, else the exact refusal status. */
function expected(rule: Rule, role: Role, town: Town): 401 | 403 | null {
  const denied = role === 'anonymous' ? 401 : 403;
  switch (rule.access) {
    case 'public':
      return null;
    case 'signedIn':
      return role === 'anonymous' ? 401 : null;
    case 'admin':
      return role === 'admin' ? null : denied;
    case 'list':
    case 'read':
    case 'readPublic':
      if (role === 'admin' || role === 'memberAB') return null;
      return (role === 'viewerA' || role === 'editorA') && town === 'A' ? null : denied;
    case 'edit':
    case 'personal':
      return role === 'editorA' && town === 'A' ? null : denied;
    default: {
      const unknown: never = rule;
      return unknown;
    }
  }
}

function call(role: Role, method: string, url: string): request.Test {
  const verb = method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  return role === 'anonymous' ? request(t.http)[verb](url) : agents[role][verb](url);
}

function urlFor(route: string, rule: Rule, town: Town): { method: string; url: string; body: object } {
  const [method, path] = route.split(' ') as [string, string];
  const target = ids[town];
  const entityId =
    'entity' in rule
      ? { city: target.city.id, storefront: target.storefront, intervention: target.intervention }[
          rule.entity
        ]
      : '';
  let url = path
    .replace('{idOrSlug}', path.startsWith('/api/networks') ? 'no-such-network' : target.city.slug)
    .replace('{id}', path.startsWith('/api/users') ? throwawayUserId : entityId)
    .replace('{periodId}', target.period)
    .replace('{locationId}', '00000000-0000-4000-8000-000000000000') // none: 404 once access is granted
    .replace('{months}', '12')
    .replace('{z}/{x}/{y}', '14/8583/5496');
  if (rule.access === 'list') url += `?cityId=${target.city.id}`;
  // PDFs: an invalid date makes an allowed call answer 400 after the access check, without a browser render.
  if (path.endsWith('.pdf')) url += '?asOf=not-a-date';
  const body = 'via' in rule && rule.via === 'body' ? { cityId: target.city.id } : {};
  return { method, url, body };
}

describe('authorisation matrix', () => {
  it('has a rule for every endpoint (an endpoint added without one fails here)', () => {
    expect(routes().filter((r) => !(r in RULES))).toEqual([]);
    expect(Object.keys(RULES).filter((r) => !routes().includes(r))).toEqual([]);
  });

  it('answers every endpoint × role × town as the rules say', async () => {
    const mismatches: string[] = [];
    for (const route of routes()) {
      const rule = RULES[route];
      if (!rule || ('skip' in rule && rule.skip)) continue;
      for (const role of ROLES) {
        for (const town of ['A', 'B'] as const) {
          const { method, url, body } = urlFor(route, rule, town);
          const res =
            method === 'GET' || method === 'DELETE'
              ? await call(role, method, url)
              : await call(role, method, url).send(body);
          const want = expected(rule, role, town);
          const ok =
            want === null
              ? res.status !== 401 && res.status !== 403 && res.status < 500
              : res.status === want;
          if (!ok)
            mismatches.push(
              `${route} as ${role} in town ${town}: got ${res.status}, want ${want ?? 'allowed'}`,
            );
        }
      }
    }
    expect(mismatches).toEqual([]);
    // some 700 requests one after the other (every endpoint × role × town): 30 s had run out on a loaded machine
  }, 180_000);

  it('documents in the OpenAPI document exactly the refusals (401, 403) each rule gives', () => {
    // 401 of sign-in is a wrong password, not an access refusal.
    const otherMeaning: Record<string, number[]> = { 'POST /api/auth/sign-in': [401] };
    const doc = buildOpenApiDocument(t.app);
    const mismatches: string[] = [];
    for (const route of routes()) {
      const rule = RULES[route];
      if (!rule) continue;
      const [method, path] = route.split(' ') as [string, string];
      const responses = doc.paths[path]?.[method.toLowerCase() as 'get']?.responses ?? {};
      const documented = Object.keys(responses)
        .map(Number)
        .filter((status) => (status === 401 || status === 403) && !otherMeaning[route]?.includes(status));
      const refusals = new Set(
        ROLES.flatMap((role) => (['A', 'B'] as const).map((town) => expected(rule, role, town))),
      );
      const wanted = [401, 403].filter((status) => refusals.has(status as 401 | 403));
      if (documented.sort().join() !== wanted.join())
        mismatches.push(`${route}: documents [${documented.join()}], the rule gives [${wanted.join()}]`);
    }
    expect(mismatches).toEqual([]);
  });

  it('limits lists without a town filter to the towns the role may read', async () => {
    const seen = async (role: Role) =>
      new Set(
        (
          (await call(role, 'GET', `/api/storefronts?pageSize=500&bbox=${MATRIX_BBOX}`)).body.items as {
            cityId: string;
          }[]
        ).map((s) => s.cityId),
      );
    expect((await seen('viewerA')).has(ids.B.city.id)).toBe(false);
    expect((await seen('viewerA')).has(ids.A.city.id)).toBe(true);
    expect((await seen('memberAB')).has(ids.B.city.id)).toBe(true);
    expect((await seen('anonymous')).has(ids.A.city.id)).toBe(false);
    const interventions = await call('viewerA', 'GET', '/api/interventions?pageSize=500');
    expect(interventions.body.items.map((i: { cityId: string }) => i.cityId)).toEqual([ids.A.city.id]);
  });
});
