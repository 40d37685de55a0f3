import { useEffect, useRef } from 'react';

/**
 * A ref for the heading of a panel or form that takes the keyboard focus when it opens (give the
 * heading `tabIndex={-1}`): the button that opened it is usually gone, and focus left on the page's
 * body makes a keyboard or screen-reader user start over from the top (WCAG 2.4.3).
 */
export function useFocusOnOpen<T extends HTMLElement = HTMLHeadingElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}
