/** How the bench prints numbers and verdicts. */
export const fmt = (n: number, digits = 1): string => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
export const verdict = (ok: boolean): string => (ok ? 'meets target' : 'MISSES target');
