/**
 * Which figure a click on a chart element is: a bar of the county chart (a colour in a county), a
 * point of the trend's lines (a colour on a day) or a bar of its turns (turned into a colour on a
 * day). The series' ids say it (shared/charts); the trend's category is the day's `MM-DD`. Pure.
 */
import type { DashboardSummary } from '../../../../shared/contract/dashboard.ts';
import type { Figure, FigureQuery } from '../../../../shared/contract/figures.ts';
import type { ChartClick } from './use-chart.ts';

const STOCK: Record<string, Figure> = { 'stock-red': 'red', 'stock-yellow': 'yellow', 'stock-green': 'green' };
const TURNED: Record<string, Figure> = { 'turned-red': 'turnedRed', 'turned-yellow': 'turnedYellow', 'turned-green': 'turnedGreen' };

export function figureOfChart(e: ChartClick, summary: DashboardSummary | null, county: string | null): FigureQuery | null {
  if (!summary || !e.seriesId) return null;
  const data = e.data as { countyCode?: unknown } | null | undefined;
  const stock = STOCK[e.seriesId];
  if (stock && typeof data?.countyCode === 'string') return { figure: stock, county: data.countyCode, asOf: summary.asOf };
  const figure = stock ?? TURNED[e.seriesId];
  if (!figure || typeof e.name !== 'string') return null;
  const point = summary.trend.find((p) => p.day.slice(5) === e.name);
  return point ? { figure, county, asOf: point.day } : null;
}
