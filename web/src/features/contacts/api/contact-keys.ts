export const contactKeys = {
  all: ['contacts'] as const,
  forStorefront: (storefrontId: string) => [...contactKeys.all, storefrontId] as const,
};
