export const cityKeys = {
  all: ['cities'] as const,
  list: (network?: string) => [...cityKeys.all, 'list', network ?? null] as const,
  detail: (idOrSlug: string) => [...cityKeys.all, 'detail', idOrSlug] as const,
};
