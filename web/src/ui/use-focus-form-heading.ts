import { useEffect, useRef } from 'react';

/**
 * Moves the focus to a form's heading (the element its `aria-labelledby` names) when the form opens:
 * the button that opened it is usually gone, and focus left on the page's body makes a keyboard or
 * screen-reader user start over from the top (WCAG 2.4.3). The heading is made focusable by script
 * only (tabindex -1), not a tab stop.
 */
export function useFocusFormHeading<T extends HTMLElement = HTMLFormElement>() {
  const form = useRef<T>(null);
  useEffect(() => {
    const id = form.current?.getAttribute('aria-labelledby');
    const heading = id ? document.getElementById(id) : null;
    if (!heading) return;
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus();
  }, []);
  return form;
}
