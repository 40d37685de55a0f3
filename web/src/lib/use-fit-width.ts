import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

/**
 * A chart drawn at a fixed size (print and PDF need the finished picture at once) that must still fit a
 * phone: the width of the element the ref is put on, at most `max`. A chart scaled down as a picture
 * shrank its 10 px labels to 5 px on a 360 px screen; drawn at the width it gets, its text keeps its size.
 */
export function useFitWidth<T extends HTMLElement = HTMLDivElement>(
  max: number,
): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(max);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const fit = () => {
      const available = Math.floor(element.clientWidth);
      setWidth(available > 0 ? Math.min(max, available) : max);
    };
    fit();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(fit);
    observer.observe(element);
    return () => observer.disconnect();
  }, [max]);
  return [ref, width];
}
