import { frameAround } from './report-frame.js';

describe('frameAround', () => {
  it('adds 8 % margin and widens a tall extent to 3:2, centred', () => {
    // 1000 × 1000 m → margin 80 → 1160 × 1160 → widened to 1740 × 1160
    const f = frameAround({ xmin: 0, ymin: 0, xmax: 1000, ymax: 1000 });
    expect(f).toEqual({ xmin: -370, ymax: 1080, width: 1740, height: 1160 });
  });

  it('heightens a wide extent and keeps at least 40 m margin', () => {
    // 300 × 20 m → margin 40 → 380 × 100 → heightened to 380 × 253.3
    const f = frameAround({ xmin: 100, ymin: 200, xmax: 400, ymax: 220 });
    expect(f.width).toBe(380);
    expect(f.height).toBeCloseTo(253.3, 1);
    expect(f.xmin).toBe(60);
    expect(f.ymax).toBeCloseTo(210 + 253.33 / 2, 1);
  });
});
