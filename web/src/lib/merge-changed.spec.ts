import { describe, expect, it } from 'vitest';
import { mergeChanged } from './merge-changed';

describe('mergeChanged', () => {
  it('takes what the user changed and the colleague’s values for everything else', () => {
    const opened = { phone: '0361 1', note: '', rent: '800' };
    const typed = { phone: '0361 1', note: 'Schlüssel beim Nachbarn', rent: '800' };
    const current = { phone: '0361 2', note: '', rent: '750' }; // a colleague changed phone and rent
    expect(mergeChanged(typed, opened, current)).toEqual({
      phone: '0361 2',
      note: 'Schlüssel beim Nachbarn',
      rent: '750',
    });
  });

  it('keeps the user’s value where both changed the same field (they asked to save theirs)', () => {
    expect(mergeChanged({ note: 'mine' }, { note: '' }, { note: 'theirs' })).toEqual({ note: 'mine' });
  });
});
