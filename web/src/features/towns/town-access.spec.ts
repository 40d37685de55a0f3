import { describe, expect, it } from 'vitest';
import { readsTownRecords } from './town-access';

describe('readsTownRecords', () => {
  it('is true for the towns whose records the viewer reads or edits', () => {
    expect(readsTownRecords({ access: 'edit' })).toBe(true);
    expect(readsTownRecords({ access: 'read' })).toBe(true);
  });

  it('is false for an open-data town the viewer only sees published, and for one they may not see', () => {
    expect(readsTownRecords({ access: 'public' })).toBe(false);
    expect(readsTownRecords({ access: 'none' })).toBe(false);
  });
});
