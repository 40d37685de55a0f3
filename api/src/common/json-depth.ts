/**
 * How deeply a parsed JSON body nests. The validation pipe (class-transformer) walks a body
 * recursively, so a small body nested ten thousand levels deep would overflow the stack (a 500 on
 * every route with a body, sign-in included). No request of this API nests deeper than a GeoJSON
 * MultiPolygon inside an object (about six levels); the limit leaves ample room.
 */
export const MAX_JSON_DEPTH = 32;

/** True when `value` has objects or arrays nested more than `limit` levels (iterative: no recursion). */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Object.values(node)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}
