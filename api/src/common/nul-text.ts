import type { DomainError } from './domain-error.js';
import { fieldError } from './validation.js';

/**
 * The path (`notes`, `grants.0.cityId`) of the first text in a parsed body or query that holds a NUL
 * character (U+0000), or null. PostgreSQL's text cannot store one: the database refused it with a
 * message naming no field. Iterative, like nestedDeeperThan.
 */
export function textWithNul(value: unknown): string | null {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [node, path] = stack.pop()!;
    if (typeof node === 'string') {
      if (node.includes('\u0000')) return path;
    } else if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) stack.push([child, path ? `${path}.${key}` : key]);
    }
  }
  return null;
}

export const nulRefused = (field: string): DomainError =>
  fieldError(
    field,
    'noNulCharacter',
    `${field} contains a NUL character (U+0000), which cannot be stored: remove it (text copied from a PDF can carry one).`,
  );
