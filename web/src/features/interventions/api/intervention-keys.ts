export const interventionKeys = {
  all: ['interventions'] as const,
  forStorefront: (storefrontId: string) => [...interventionKeys.all, 'storefront', storefrontId] as const,
  forCity: (cityId: string) => [...interventionKeys.all, 'city', cityId] as const,
  search: (params: object) => [...interventionKeys.all, 'search', params] as const,
  byType: (params: object) => [...interventionKeys.all, 'by-type', params] as const,
  byTypeAndTown: (params: object) => [...interventionKeys.all, 'by-type-and-town', params] as const,
  beforeAfter: (id: string) => [...interventionKeys.all, 'before-after', id] as const,
};
