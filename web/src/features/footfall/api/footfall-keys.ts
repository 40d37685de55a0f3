export const footfallKeys = {
  all: ['footfall'] as const,
  town: (cityId: string) => [...footfallKeys.all, cityId] as const,
  trend: (cityId: string) => [...footfallKeys.town(cityId), 'trend'] as const,
  locations: (cityId: string) => [...footfallKeys.town(cityId), 'locations'] as const,
};
