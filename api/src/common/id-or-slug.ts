const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => UUID.test(value);

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const isSlug = (value: string): boolean => value.length <= 100 && SLUG.test(value);

/** SQL condition matching `alias.id` for a uuid or `alias.slug` otherwise; pushes one parameter. */
export function idOrSlugCondition(alias: string, value: string, params: unknown[]): string {
  if (!isUuid(value) && !isSlug(value)) return 'false';
  params.push(value);
  return isUuid(value) ? `${alias}.id = $${params.length}::uuid` : `${alias}.slug = $${params.length}`;
}
