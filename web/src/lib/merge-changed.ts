/**
 * A form's values to save on top of a record a colleague changed meanwhile: the fields the user changed
 * (typed ≠ what was shown when the form opened) with what they typed, every other field as `current`
 * (the record as now stored) has it — so saving after a 409 never writes back an old value unseen.
 */
export function mergeChanged<T extends object>(typed: T, opened: T, current: T): T {
  const merged = { ...current };
  for (const key of Object.keys(typed) as (keyof T)[])
    if (typed[key] !== opened[key]) merged[key] = typed[key];
  return merged;
}
