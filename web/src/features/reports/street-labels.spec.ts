import { describe, expect, it } from 'vitest';
import { placeStreetLabels } from './street-labels';

const frame = { width: 1000, height: 700 };
const sizes = { fontSize: 10, markerSize: 8 };

/** A street of `n` markers in a row from (x, y), `step` apart along `angle` degrees. */
function street(name: string, x: number, y: number, angle: number, n = 5, step = 12) {
  const rad = (angle * Math.PI) / 180;
  const units = Array.from({ length: n }, (_, i) => ({
    x: x + Math.cos(rad) * step * i,
    y: y + Math.sin(rad) * step * i,
  }));
  const last = units.at(-1)!;
  return {
    units,
    street: {
      name,
      units: n,
      x: (x + last.x) / 2,
      y: (y + last.y) / 2,
      angle,
      from: { x, y },
      to: { x: last.x, y: last.y },
    },
  };
}

describe('placeStreetLabels', () => {
  it('prints the name beyond the end of its row of markers, along the street, covering none', () => {
    const market = street('Marktstraße', 300, 300, 0);
    const [label] = placeStreetLabels([market.street], market.units, frame, sizes);
    // the row ends at x = 348; the name (11 × 5.5 = 60.5 long) starts past the last marker and a gap
    expect(label).toMatchObject({ name: 'Marktstraße', y: 300, angle: 0 });
    expect(label!.x).toBeCloseTo(348 + 30.25 + 4 + 5, 5);
  });

  it('takes the other end when the first would run off the map, and the side when both would', () => {
    const east = street('Am Ostrand', 900, 300, 0, 5, 20); // ends at x = 980: no room to the east
    const [west] = placeStreetLabels([east.street], east.units, frame, sizes);
    expect(west!.x).toBeLessThan(900);
    const wide = street('Lange Straße', 20, 300, 0, 49, 20); // from x = 20 to 980: no room at either end
    const [beside] = placeStreetLabels([wide.street], wide.units, frame, sizes);
    expect(beside!.x).toBeCloseTo(500, 5);
    expect(Math.abs(beside!.y - 300)).toBeCloseTo(5 + 4 + 5, 5); // half its height, a marker's reach, a gap
  });

  it('keeps names apart: a later one goes elsewhere or is left out', () => {
    const a = street('Marktstraße', 300, 300, 0);
    const b = street('Kornmarkt', 300, 320, 0); // a parallel row just below
    const placed = placeStreetLabels([a.street, b.street], [...a.units, ...b.units], frame, sizes);
    expect(placed.map((p) => p.name)).toEqual(['Marktstraße', 'Kornmarkt']);
    const [p, q] = placed.map((l) => l.box);
    expect(p![2] <= q![0] || p![0] >= q![2] || p![3] <= q![1] || p![1] >= q![3]).toBe(true);
  });

  it('turns the box with the text: an upright name is tall and narrow', () => {
    const steinweg = street('Steinweg', 500, 300, 90);
    const [label] = placeStreetLabels([steinweg.street], steinweg.units, frame, sizes);
    const [x0, y0, x1, y1] = label!.box;
    // 8 letters × 10 × 0.55 = 44 long, + 5 on each side
    expect(y1 - y0).toBeCloseTo(54, 5);
    expect(x1 - x0).toBeCloseTo(20, 5);
    expect(label!.y).toBeGreaterThan(348); // below its row (which runs down from y = 300 to 348)
  });

  it('leaves a name out rather than print it over the units: no free place, nothing printed', () => {
    // a dense block of markers all around the street, the frame too small to go past it
    const block = Array.from({ length: 400 }, (_, i) => ({
      x: 5 + (i % 20) * 5,
      y: 5 + Math.floor(i / 20) * 5,
    }));
    const crowded = { width: 110, height: 110 };
    const s = street('Enge Gasse', 30, 55, 0, 5, 10).street;
    expect(placeStreetLabels([s], block, crowded, sizes)).toEqual([]);
  });
});
