export const interventionKeys = {
  all: ['interventions'] as const,
  forStorefront: (storefrontId: string) => [...interventionKeys.all, 'storefront', storefrontId] as const,
  forCity: (cityId: string) => [...interventionKeys.all, 'city', cityId] as const,
};
