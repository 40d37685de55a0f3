export const auditKeys = {
  all: ['audit'] as const,
  forStorefront: (storefrontId: string) => [...auditKeys.all, 'storefront', storefrontId] as const,
};
