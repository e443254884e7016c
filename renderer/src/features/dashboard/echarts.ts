/**
 * ECharts for the dashboard: only the parts the charts use (map, bars, lines, their components and
 * the canvas renderer), so the page stays light. The options themselves come from shared/charts.
 */
import { BarChart, LineChart, MapChart } from 'echarts/charts';
import { GeoComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { LegacyGridContainLabel } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';
import { MAP_NAME } from '../../../../shared/charts/index.ts';

// The shared options size their grids with containLabel (axis labels inside the grid), an opt-in feature in ECharts 6.
echarts.use([
  MapChart,
  BarChart,
  LineChart,
  TooltipComponent,
  GridComponent,
  LegendComponent,
  VisualMapComponent,
  GeoComponent,
  LegacyGridContainLabel,
  CanvasRenderer,
]);

export { echarts };

type GeoJsonInput = Parameters<typeof echarts.registerMap>[1];

/** Registers the county boundaries (once per page; a later call replaces them). */
export function registerCountyMap(geojson: unknown): void {
  echarts.registerMap(MAP_NAME, geojson as GeoJsonInput);
}
