/** Chart-option builders shared by the console (ECharts in the page) and the server (SVG images). */
export * from './chart-style.ts';
export * from './county-distribution.ts';
export * from './county-map.ts';
export * from './trend.ts';
