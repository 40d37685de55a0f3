import { CROSS_STREET_NAMES, RADIAL_STREET_NAMES, RING_STREET_NAMES, SQUARE_NAMES } from './demo-names.js';
import type { Random } from './prng.js';

/**
 * A plausible (invented) downtown street layout around a town's centre point: a market square, streets
 * radiating from it (some straight, some curved), a street crossing them and part of a ring road along
 * the old town wall. Houses stand 8–20 m apart along each side; storefronts are a subset of them,
 * denser near the centre, about 90 % inside the placeholder perimeter and the rest just outside.
 */

export interface StorefrontSite {
  street: string;
  houseNumber: string;
  lon: number;
  lat: number;
  /** Distance from the town's centre point in metres. */
  distanceM: number;
  insidePerimeter: boolean;
}

interface Point {
  x: number;
  y: number;
}

interface Street {
  name: string;
  /** Centreline sampled every metre (local metres, x east, y north). */
  line: Point[];
  consecutiveNumbers: boolean;
  /** How strongly shops cluster here: the square and the main shopping streets attract most. */
  appeal: number;
}

interface House {
  street: number;
  side: 1 | -1;
  s: number;
  p: Point;
}

const BUILDING_OFFSET_M = 7;
/** Keep houses clear of the perimeter's edge, so that "inside" is unambiguous in PostGIS too. */
const MARGIN_M = 12;
/** Streets start beyond the market square, whose houses are at most ~84 m from the centre. */
const SQUARE_CLEARANCE_M = 85;

function straightOrCurved(start: Point, heading: number, curvature: number, length: number): Point[] {
  const line: Point[] = [];
  let { x, y } = start;
  let h = heading;
  for (let s = 0; s <= length; s++) {
    line.push({ x, y });
    x += Math.cos(h);
    y += Math.sin(h);
    h += curvature;
  }
  return line;
}

function squareOutline(rng: Random): Point[] {
  const cx = rng.between(-20, 20);
  const cy = rng.between(-20, 20);
  const a = rng.between(30, 45);
  const b = rng.between(22, 34);
  const rot = rng.between(0, Math.PI);
  const corners = [
    { x: -a, y: -b },
    { x: a, y: -b },
    { x: a, y: b },
    { x: -a, y: b },
    { x: -a, y: -b },
  ].map((c) => ({
    x: cx + c.x * Math.cos(rot) - c.y * Math.sin(rot),
    y: cy + c.x * Math.sin(rot) + c.y * Math.cos(rot),
  }));
  const line: Point[] = [];
  for (let i = 0; i < 4; i++) {
    const p = corners[i] as Point;
    const q = corners[i + 1] as Point;
    const len = Math.hypot(q.x - p.x, q.y - p.y);
    for (let s = 0; s < len; s++)
      line.push({ x: p.x + ((q.x - p.x) * s) / len, y: p.y + ((q.y - p.y) * s) / len });
  }
  return line;
}

function layoutStreets(rng: Random, count: number, radius: number): Street[] {
  const square: Street = {
    name: rng.pick(SQUARE_NAMES),
    line: squareOutline(rng),
    consecutiveNumbers: true,
    appeal: 2,
  };
  const radialNames = rng.shuffle(RADIAL_STREET_NAMES);
  const k = Math.min(10, Math.max(4, 3 + Math.round(count / 45)));
  const offset = rng.between(0, Math.PI * 2);
  const streets: Street[] = [square];
  for (let i = 0; i < k; i++) {
    const angle = offset + (i * 2 * Math.PI) / k + rng.between(-0.2, 0.2);
    const start = { x: SQUARE_CLEARANCE_M * Math.cos(angle), y: SQUARE_CLEARANCE_M * Math.sin(angle) };
    const curvature = rng.chance(0.4) ? 0 : rng.between(0.0004, 0.0014) * (rng.chance(0.5) ? 1 : -1);
    streets.push({
      name: radialNames[i] as string,
      line: straightOrCurved(start, angle + rng.between(-0.12, 0.12), curvature, radius + 170),
      consecutiveNumbers: false,
      appeal: i < 2 ? 3 : 1,
    });
  }
  const crossings = count > 150 ? 2 : 1;
  const crossNames = rng.shuffle(CROSS_STREET_NAMES);
  for (let i = 0; i < crossings; i++) {
    const phi = rng.between(0, Math.PI * 2);
    const d = rng.between(110, 200);
    const dir = phi + Math.PI / 2;
    const start = { x: d * Math.cos(phi) - 380 * Math.cos(dir), y: d * Math.sin(phi) - 380 * Math.sin(dir) };
    streets.push({
      name: crossNames[i] as string,
      line: straightOrCurved(start, dir, 0, 760),
      consecutiveNumbers: false,
      appeal: 0.7,
    });
  }
  const ringRadius = rng.between(radius - 150, radius - 70);
  const a0 = rng.between(0, Math.PI * 2);
  const span = rng.between(1.7, 2.8);
  const ringStart = { x: ringRadius * Math.cos(a0), y: ringRadius * Math.sin(a0) };
  streets.push({
    name: rng.pick(RING_STREET_NAMES),
    line: straightOrCurved(ringStart, a0 + Math.PI / 2, 1 / ringRadius, span * ringRadius),
    consecutiveNumbers: false,
    appeal: 0.7,
  });
  return streets;
}

/** Houses along both sides of every street, skipping junctions and the square itself. */
function housesAlong(rng: Random, streets: Street[]): House[] {
  const cell = 10;
  const key = (p: Point) => `${Math.floor(p.x / cell)},${Math.floor(p.y / cell)}`;
  const centreline = new Map<string, { p: Point; street: number }[]>();
  streets.forEach((st, i) =>
    st.line.forEach((p) => {
      const k = key(p);
      centreline.set(k, [...(centreline.get(k) ?? []), { p, street: i }]);
    }),
  );
  const placed = new Map<string, Point[]>();
  const near = <T>(
    grid: Map<string, T[]>,
    p: Point,
    pointOf: (t: T) => Point,
    ok: (t: T) => boolean,
    r: number,
  ) => {
    const cx = Math.floor(p.x / cell);
    const cy = Math.floor(p.y / cell);
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++)
        for (const t of grid.get(`${cx + dx},${cy + dy}`) ?? []) {
          const q = pointOf(t);
          if (ok(t) && Math.hypot(q.x - p.x, q.y - p.y) < r) return true;
        }
    return false;
  };
  const houses: House[] = [];
  streets.forEach((st, i) => {
    // The square's outline runs counter-clockwise: its left side faces inwards, so houses stand right.
    const sides: (1 | -1)[] = st.consecutiveNumbers ? [-1] : [1, -1];
    for (const side of sides) {
      for (let s = rng.between(4, 12); s < st.line.length - 2; s += rng.between(8, 20)) {
        const a = st.line[Math.floor(s)] as Point;
        const b = st.line[Math.floor(s) + 1] as Point;
        const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
        const p = {
          x: a.x - (side * BUILDING_OFFSET_M * (b.y - a.y)) / len,
          y: a.y + (side * BUILDING_OFFSET_M * (b.x - a.x)) / len,
        };
        const onOtherStreet = near(
          centreline,
          p,
          (t) => t.p,
          (t) => t.street !== i,
          BUILDING_OFFSET_M + 1,
        );
        const clash = near(
          placed,
          p,
          (q) => q,
          () => true,
          6,
        );
        if (onOtherStreet || clash || (i > 0 && Math.hypot(p.x, p.y) < SQUARE_CLEARANCE_M)) continue;
        placed.set(key(p), [...(placed.get(key(p)) ?? []), p]);
        houses.push({ street: i, side, s, p });
      }
    }
  });
  return houses;
}

function numberHouses(rng: Random, streets: Street[], houses: House[]): Map<House, string> {
  const numbers = new Map<House, string>();
  streets.forEach((st, i) => {
    for (const side of [1, -1] as const) {
      const row = houses.filter((h) => h.street === i && h.side === side).sort((a, b) => a.s - b.s);
      let n = st.consecutiveNumbers ? 1 : side === 1 ? 1 : 2;
      let suffix = '';
      for (const h of row) {
        numbers.set(h, `${n}${suffix}`);
        if (!suffix && rng.chance(0.05)) {
          suffix = 'a';
        } else {
          suffix = '';
          n += st.consecutiveNumbers ? 1 : 2;
        }
      }
    }
  });
  return numbers;
}

export function layoutStorefronts(
  rng: Random,
  centre: { lon: number; lat: number },
  count: number,
  perimeterRadiusM: number,
): StorefrontSite[] {
  const streets = layoutStreets(rng, count, perimeterRadiusM);
  const houses = housesAlong(rng, streets);
  const numbers = numberHouses(rng, streets, houses);
  const dist = (h: House) => Math.hypot(h.p.x, h.p.y);
  const inside = houses.filter((h) => dist(h) < perimeterRadiusM - MARGIN_M);
  const outside = houses.filter(
    (h) => dist(h) > perimeterRadiusM + MARGIN_M && dist(h) < perimeterRadiusM + 150,
  );
  const nOutside = Math.round(count * rng.between(0.07, 0.12));
  if (inside.length < count - nOutside || outside.length < nOutside) {
    throw new Error(`street layout too small for ${count} storefronts (${inside.length} houses inside)`);
  }
  // Small towns have a compact core; larger ones spread further along their streets.
  const reach = 80 + count / 2;
  const appeal = (h: House) => (streets[h.street] as Street).appeal;
  const chosen = [
    ...rng.sampleWeighted(inside, count - nOutside, (h) => appeal(h) * Math.exp(-dist(h) / reach)),
    ...rng.sampleWeighted(outside, nOutside, (h) => appeal(h) * Math.exp(-(dist(h) - perimeterRadiusM) / 45)),
  ].sort((a, b) => dist(a) - dist(b));

  const phi = (centre.lat * Math.PI) / 180;
  const mPerDegLat = 111132.92 - 559.82 * Math.cos(2 * phi) + 1.175 * Math.cos(4 * phi);
  const mPerDegLon = 111412.84 * Math.cos(phi) - 93.5 * Math.cos(3 * phi);
  const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
  return chosen.map((h) => ({
    street: (streets[h.street] as Street).name,
    houseNumber: numbers.get(h) ?? '',
    lon: round6(centre.lon + h.p.x / mPerDegLon),
    lat: round6(centre.lat + h.p.y / mPerDegLat),
    distanceM: Math.round(dist(h) * 10) / 10,
    insidePerimeter: dist(h) < perimeterRadiusM,
  }));
}
