import { createHash } from 'node:crypto';
import { tokenHash, tokenKey } from './sessions.repository.js';

describe('tokenHash and tokenKey (remembered per token)', () => {
  it('are the SHA-256 of the token and its base64, on the first and on later calls', () => {
    for (const token of ['first-token', 'second-token', 'first-token']) {
      const expected = createHash('sha256').update(token).digest();
      expect(tokenHash(token).equals(expected)).toBe(true);
      expect(tokenKey(token)).toBe(expected.toString('base64'));
    }
  });

  it('keeps tokens apart when more than the remembered 1,000 pass through', () => {
    const tokens = Array.from({ length: 1500 }, (_, i) => `token-${i}`);
    const keys = tokens.map(tokenKey);
    expect(new Set(keys).size).toBe(1500);
    expect(tokenKey('token-0')).toBe(createHash('sha256').update('token-0').digest('base64'));
  });
});
