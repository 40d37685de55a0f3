/**
 * Who is asking, and what they may see and do. Built once per request from the session; every
 * authorisation decision in the API goes through these functions.
 */
export const ROLES = ['city_editor', 'network_member', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export interface Grant {
  role: Role;
  cityId: string | null;
  networkId: string | null;
}

export interface Viewer {
  user: {
    id: string;
    email: string;
    displayName: string;
    isAdmin: boolean;
    /** Until the temporary password is replaced the viewer reads open data only (and no admin rights). */
    mustChangePassword: boolean;
  } | null;
  grants: Grant[];
  /** Towns whose maps, KPIs and interventions this viewer may read; null = every town (admin). */
  readableCityIds: ReadonlySet<string> | null;
  /** Towns whose records this viewer may change (city editor). */
  editableCityIds: ReadonlySet<string>;
  /** Towns that publish open data: readable by anyone for maps and KPIs. */
  openDataCityIds: ReadonlySet<string>;
}

export type TownAction = 'read' | 'readPublic' | 'edit' | 'personal';

/**
 * What the viewer may do with a town's records, most first: edit them, read them all (interventions,
 * business names included), read what an open-data town publishes, or nothing.
 */
export const TOWN_ACCESS = ['edit', 'read', 'public', 'none'] as const;
export type TownAccess = (typeof TOWN_ACCESS)[number];

export function townAccess(viewer: Viewer, cityId: string): TownAccess {
  if (mayAccessTown(viewer, cityId, 'edit')) return 'edit';
  if (mayAccessTown(viewer, cityId, 'read')) return 'read';
  return viewer.openDataCityIds.has(cityId) ? 'public' : 'none';
}

/** May the viewer do `action` in the town? `readPublic` is reading what open-data towns publish. */
export function mayAccessTown(viewer: Viewer, cityId: string, action: TownAction): boolean {
  switch (action) {
    case 'readPublic':
      return viewer.openDataCityIds.has(cityId) || mayAccessTown(viewer, cityId, 'read');
    case 'read':
      return viewer.readableCityIds === null || viewer.readableCityIds.has(cityId);
    case 'edit':
    case 'personal':
      return viewer.editableCityIds.has(cityId);
    default: {
      const unknown: never = action;
      return unknown;
    }
  }
}

/**
 * The towns a list may show: those asked for (already checked by the guard), else every town the
 * viewer may read, plus open-data towns where the route serves public data. `undefined` = no limit.
 * A viewer who reads public data only (the public map) gets the same array for as long as the set of
 * open-data towns is the same (TownResolver keeps one set until towns change): tiles key their
 * caches by that array.
 */
export function visibleCityIds(
  viewer: Viewer,
  requested: readonly string[] | undefined,
  publicData: boolean,
): readonly string[] | undefined {
  if (requested?.length) return requested;
  if (viewer.readableCityIds === null) return undefined;
  if (publicData && viewer.readableCityIds.size === 0) return openDataList(viewer.openDataCityIds);
  if (!publicData) return [...viewer.readableCityIds];
  // A signed-in viewer is one object for as long as the session cache keeps it (AuthService.viewerFor):
  // one frozen list per viewer, which TownScopes interns by identity.
  let list = publicLists.get(viewer);
  if (!list) {
    const ids = new Set(viewer.readableCityIds);
    viewer.openDataCityIds.forEach((id) => ids.add(id));
    list = Object.freeze([...ids]);
    publicLists.set(viewer, list);
  }
  return list;
}

const publicLists = new WeakMap<Viewer, readonly string[]>();

const openDataLists = new WeakMap<ReadonlySet<string>, readonly string[]>();

function openDataList(openData: ReadonlySet<string>): readonly string[] {
  let list = openDataLists.get(openData);
  if (!list) {
    list = Object.freeze([...openData]);
    openDataLists.set(openData, list);
  }
  return list;
}

export const anonymousViewer = (openDataCityIds: ReadonlySet<string>): Viewer => ({
  user: null,
  grants: [],
  readableCityIds: new Set(),
  editableCityIds: new Set(),
  openDataCityIds,
});
