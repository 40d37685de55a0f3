import { useEffect, useState, type RefObject } from 'react';

const MAX_WAIT_MS = 8_000;

/**
 * "true" once the data is there and every chart and the map have drawn their SVG (checked frame
 * by frame), so the server's PDF renderer and print wait for a complete page. After 8 s the page
 * is declared ready anyway rather than block the PDF forever.
 */
export function useReportReady(dataReady: boolean, root: RefObject<HTMLElement | null>): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!dataReady) return undefined;
    const started = performance.now();
    let frame = 0;
    const check = (): void => {
      const el = root.current;
      const charts = el ? [...el.querySelectorAll('[data-report-chart]')] : [];
      const drawn = charts.every((c) =>
        c.querySelector('svg.recharts-surface path, svg.report-map circle, svg.report-map path'),
      );
      if ((el && drawn) || performance.now() - started > MAX_WAIT_MS) {
        void document.fonts.ready.then(() => setReady(true));
        return;
      }
      frame = requestAnimationFrame(check);
    };
    frame = requestAnimationFrame(check);
    return () => cancelAnimationFrame(frame);
  }, [dataReady, root]);
  return ready;
}
