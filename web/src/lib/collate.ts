/**
 * Names in the order a reader of the UI language expects. Plain string comparison sorts by code
 * point, so „Straußfurt“ came before „Sömmerda“ (ö sorts after every ASCII letter); a collator of the
 * language puts ö with o and ß with ss. One collator per language, made once (creating one is slow).
 */
const collators = new Map<string, Intl.Collator>();

export function nameCollator(language: string): Intl.Collator {
  const locale = language === 'en' ? 'en-GB' : 'de-DE';
  let collator = collators.get(locale);
  if (collator === undefined) {
    collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
    collators.set(locale, collator);
  }
  return collator;
}

/** A copy of `items` sorted by `name` for the language (ties keep their order). */
export function sortByName<T extends { name: string }>(items: readonly T[], language: string): T[] {
  const { compare } = nameCollator(language);
  return [...items].sort((a, b) => compare(a.name, b.name));
}
