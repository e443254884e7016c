import { type RefObject, useEffect, useRef } from 'react';
import type { ChartOption } from '../../../../shared/charts/index.ts';
import { echarts } from './echarts.ts';
import { PRINT_CHART_SIZE } from './print-mode.ts';

/** What a click on a chart reports (the data item carries its county code). */
export interface ChartClick {
  dataIndex?: number;
  name?: string;
  /** The series' id (shared/charts names them by the figure they draw). */
  seriesId?: string;
  data?: unknown;
}

/**
 * One ECharts instance for the life of the element: created on mount, resized with its box and
 * the window, disposed on unmount. A new option is merged into it (`notMerge: false`,
 * `lazyUpdate: true`), so a filter or a date change re-renders without re-creating the chart.
 * `printing` (print-mode.ts): the option (the light one) is drawn at once at the print size, and
 * the element says so (`data-printed`), since the printed page is laid out right after.
 */
export function useChart(
  option: ChartOption | null,
  onClick?: (e: ChartClick) => void,
  printing = false,
): RefObject<HTMLDivElement | null> {
  const ref = useRef<HTMLDivElement | null>(null);
  const chartRef = useRef<ReturnType<typeof echarts.init> | null>(null);
  const clickRef = useRef(onClick);
  useEffect(() => {
    clickRef.current = onClick;
  }, [onClick]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, null, { renderer: 'canvas' });
    chartRef.current = chart;
    chart.on('click', (e) => clickRef.current?.(e as ChartClick));
    let frame = 0;
    const resize = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => chart.resize());
    };
    const observer = new ResizeObserver(resize);
    observer.observe(el);
    window.addEventListener('resize', resize);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      window.removeEventListener('resize', resize);
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    const chart = chartRef.current;
    const el = ref.current;
    if (!chart || !el) return;
    if (!printing) {
      delete el.dataset.printed;
      if (option) chart.setOption(option, { notMerge: false, lazyUpdate: true });
      return;
    }
    chart.resize(PRINT_CHART_SIZE);
    if (option) chart.setOption(option, { notMerge: false, lazyUpdate: false });
    el.dataset.printed = 'true';
    // Back on screen, the chart takes its box's size again.
    return () => {
      if (!chart.isDisposed()) chart.resize();
    };
  }, [option, printing]);

  return ref;
}
