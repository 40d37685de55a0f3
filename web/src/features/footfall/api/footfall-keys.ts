export const footfallKeys = {
  all: ['footfall'] as const,
  trend: (cityId: string) => [...footfallKeys.all, 'trend', cityId] as const,
};
