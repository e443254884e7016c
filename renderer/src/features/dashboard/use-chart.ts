import { type RefObject, useEffect, useRef } from 'react';
import type { ChartOption } from '../../../../shared/charts/index.ts';
import { echarts } from './echarts.ts';

/** What a click on a chart reports (the data item carries its county code). */
export interface ChartClick {
  dataIndex?: number;
  name?: string;
  data?: unknown;
}

/**
 * One ECharts instance for the life of the element: created on mount, resized with its box and
 * the window, disposed on unmount. A new option is merged into it (`notMerge: false`,
 * `lazyUpdate: true`), so a filter or a date change re-renders without re-creating the chart.
 */
export function useChart(option: ChartOption | null, onClick?: (e: ChartClick) => void): RefObject<HTMLDivElement | null> {
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
    if (chart && option) chart.setOption(option, { notMerge: false, lazyUpdate: true });
  }, [option]);

  return ref;
}
