import type { ButtonHTMLAttributes } from 'react';

/**
 * A button that keeps the keyboard focus while its action runs: `busy` marks it aria-disabled, not
 * disabled — a disabled button drops the focus to the page (WCAG 2.4.3) — and swallows presses, a
 * submit button's too, so nothing is sent twice. `disabled` stays for "not ready" (nothing to send yet).
 */
export function BusyButton({
  busy,
  onClick,
  ...button
}: ButtonHTMLAttributes<HTMLButtonElement> & { busy: boolean }) {
  return (
    <button
      type="button"
      {...button}
      aria-disabled={busy}
      onClick={(e) => {
        if (busy) e.preventDefault();
        else onClick?.(e);
      }}
    />
  );
}
