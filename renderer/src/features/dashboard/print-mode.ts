/**
 * The dashboard's print layout (dashboard-print.css): A4 landscape, light, the charts whole. A canvas
 * keeps the size it was drawn at, so the charts are drawn again at their print size, in the light
 * theme, before the page is laid out for print: on `beforeprint` (Ctrl+P, the 打印 button), and when
 * the print media starts to match (a PDF printer, Playwright's emulated print). Synchronously
 * (flushSync): the browser lays out the printed page right after these events.
 */
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

/** One chart's box when printed, in CSS pixels: 83 mm × 68 mm, as `.dash-chart` in dashboard-print.css. */
export const PRINT_CHART_SIZE = { width: Math.round((83 / 25.4) * 96), height: Math.round((68 / 25.4) * 96) };

const printMedia = () => window.matchMedia('print');

/** Whether the page is being printed (or laid out for print). */
export function usePrintMode(): boolean {
  const [printing, setPrinting] = useState(() => printMedia().matches);
  useEffect(() => {
    const media = printMedia();
    const set = (on: boolean) => flushSync(() => setPrinting(on));
    const onMedia = (e: MediaQueryListEvent) => set(e.matches);
    const before = () => set(true);
    const after = () => set(media.matches);
    media.addEventListener('change', onMedia);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      media.removeEventListener('change', onMedia);
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  return printing;
}

/** How the charts are drawn: the console's dark theme with animation on screen, the light one at once for print. */
export function chartLook(printing: boolean): { theme?: 'light'; animation: boolean } {
  return printing ? { theme: 'light', animation: false } : { animation: true };
}
