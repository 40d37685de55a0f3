export const importKeys = {
  all: ['imports'] as const,
  detail: (cityId: string, importId: string) => [...importKeys.all, cityId, importId] as const,
  suggestions: (cityId: string, importId: string) =>
    [...importKeys.all, cityId, importId, 'suggestions'] as const,
};
