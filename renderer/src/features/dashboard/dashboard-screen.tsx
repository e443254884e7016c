/**
 * 态势总览: KPI cards, the county map, the stacked bars, the 30-day trend, the day's colour changes
 * and feed freshness for an as-of date, for the city or one county. One `dashboard.summary` call
 * per query (and one `dashboard.map` call per page, in parallel with the first); the charts are
 * created once and updated by merging new options.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ChartLabels } from '../../../../shared/charts/index.ts';
import { countyDistributionOption, countyMapOption, trendOption } from '../../../../shared/charts/index.ts';
import type { ConsoleEvent, SessionInfo } from '../../../../shared/contract/api.ts';
import { countyName } from '../../../../shared/domain/counties.ts';
import { useConsoleEvents } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useCountyMap } from './county-map-data.ts';
import { CountyTable } from './county-table.tsx';
import { asOfRange, beforeData, earlierDay, firstDataDay } from './date-range.ts';
import { EmptyDashboard } from './empty-dashboard.tsx';
import { FreshnessPanel } from './freshness-panel.tsx';
import { KpiCards } from './kpi-cards.tsx';
import { mapCreditText } from './map-credit.ts';
import { TransitionsPanel } from './transitions-panel.tsx';
import { ForecastBand } from './forecast-band.tsx';
import { MapLegend } from './map-legend.tsx';
import { PrintButton, PrintHeader } from './print-header.tsx';
import { chartLook, usePrintMode } from './print-mode.ts';
import { SyncBanner } from './sync-banner.tsx';
import { useSyncFigures } from './use-sync-figures.ts';
import { type ChartClick, useChart } from './use-chart.ts';
import { figureOfChart } from './chart-figures.ts';
import { useFigurePeople } from '../figures/use-figure-people.tsx';
import { navigate } from '../../app/router.tsx';
import { SignoffPanel } from '../signoff/signoff-panel.tsx';
import { useSignoffStatus } from '../signoff/use-signoff-status.ts';
import './dashboard.css';

const TREND_DAYS = 30;

function countyOf(e: ChartClick): string | null {
  const data = e.data as { countyCode?: unknown } | null | undefined;
  return typeof data?.countyCode === 'string' ? data.countyCode : null;
}

export function DashboardScreen({ session }: { session: SessionInfo }) {
  const { t, lang } = useI18n();
  const lockedCounty = session.user.county;
  const [asOf, setAsOf] = useState<string | null>(null);
  const [pickedCounty, setPickedCounty] = useState<string | null>(null);
  const county = lockedCounty ?? pickedCounty;
  const [refresh, setRefresh] = useState(0);
  const map = useCountyMap();
  const figures = useFigurePeople(session);
  const canSeeCases = session.permissions.includes('cases.view');

  // The data's first day, once a trend has shown it (the console reports only the latest).
  const [firstDay, setFirstDay] = useState<string | null>(null);

  const answer = useApi('dashboard.summary', { ...(asOf ? { asOf } : {}), county, trendDays: TREND_DAYS }, [refresh], {
    onAnswer: (summary) => setFirstDay((known) => earlierDay(known, firstDataDay(summary.trend))),
  });

  // New data (a sync, an import, a recompute): ask again, at most every 300 ms.
  const refreshTimer = useRef<number | undefined>(undefined);
  const onEvent = useCallback((e: ConsoleEvent) => {
    if (e.type !== 'data-changed') return;
    window.clearTimeout(refreshTimer.current);
    refreshTimer.current = window.setTimeout(() => setRefresh((n) => n + 1), 300);
  }, []);
  useConsoleEvents(onEvent);
  useEffect(() => () => window.clearTimeout(refreshTimer.current), []);

  // Mid-sync: the banner, and the last complete figures rather than half-written ones (sync-figures.ts).
  const synced = useSyncFigures(answer.data, JSON.stringify([asOf, county]), answer.reload);
  const summary = synced.summary;
  // The counties' sign-off of the day shown (issue 17), asked again with the figures.
  const signoff = useSignoffStatus(summary?.asOf ?? null, [refresh]);
  // The figures shown answer the question asked now (the previous ones stay visible while loading).
  const ready = !answer.loading && answer.error === null && summary !== null;

  const selectCounty = useCallback(
    (code: string) => {
      if (lockedCounty) return;
      setPickedCounty((current) => (current === code ? null : code));
    },
    [lockedCounty],
  );
  const onChartClick = useCallback(
    (e: ChartClick) => {
      const code = countyOf(e);
      if (code) selectCounty(code);
    },
    [selectCounty],
  );

  const labels = useMemo<ChartLabels>(
    () => ({
      lang,
      red: t('dashboard.chart.red'),
      yellow: t('dashboard.chart.yellow'),
      green: t('dashboard.chart.green'),
      turnedRed: t('dashboard.chart.turnedRed'),
      turnedYellow: t('dashboard.chart.turnedYellow'),
      turnedGreen: t('dashboard.chart.turnedGreen'),
      holders: t('dashboard.chart.holders'),
      redYellowRate: t('dashboard.chart.redYellowRate'),
      people: t('dashboard.chart.people'),
      rightAxis: t('dashboard.chart.rightAxis'),
    }),
    [lang, t],
  );
  const rows = summary?.counties;
  const trend = summary?.trend;
  const mapReady = map.credit !== null;
  // Printed, the charts are redrawn light at their print size (print-mode.ts); the map on the fixed scale of Settings.
  const printing = usePrintMode();
  const bands = summary?.mapBands;
  const mapOption = useMemo(
    () => (rows && mapReady ? countyMapOption(rows, labels, county, { ...chartLook(printing), ...(bands ? { bands } : {}) }) : null),
    [rows, labels, county, mapReady, printing, bands],
  );
  const barsOption = useMemo(
    () => (rows ? countyDistributionOption(rows, labels, { selected: county, ...chartLook(printing) }) : null),
    [rows, labels, county, printing],
  );
  const trendChartOption = useMemo(
    () => (trend ? trendOption(trend, labels, { days: TREND_DAYS, ...chartLook(printing) }) : null),
    [trend, labels, printing],
  );
  // A bar or a point of the trend opens the people it counts; the map filters by county.
  const openFigure = figures.open;
  const onFigureClick = useCallback(
    (e: ChartClick) => {
      const q = figureOfChart(e, summary, county);
      if (q) openFigure(q);
    },
    [summary, county, openFigure],
  );
  const mapRef = useChart(mapOption, onChartClick, printing);
  const barsRef = useChart(barsOption, onFigureClick, printing);
  const trendRef = useChart(trendChartOption, onFigureClick, printing);

  const shownDay = asOf ?? summary?.asOf ?? '';
  const scopeName = county ? countyName(county, lang) : t('dashboard.scopeCity');
  const noData = summary !== null && summary.latestDataDay === null;
  const range = asOfRange(summary, firstDay);

  return (
    <section className="dash" data-screen="dashboard" data-ready={ready ? 'true' : 'false'} aria-busy={!ready}>
      <PrintHeader scope={scopeName} day={shownDay} />
      <header className="dash-toolbar">
        <h2>{t('dashboard.title')}</h2>
        <div className="dash-scope">
          {county ? (
            <span className={lockedCounty ? 'dash-chip locked' : 'dash-chip'} data-testid="county-filter" data-county={county}>
              <span>{scopeName}</span>
              {lockedCounty ? null : (
                <button
                  type="button"
                  className="dash-chip-remove"
                  aria-label={t('dashboard.filterClear', { county: scopeName })}
                  title={t('dashboard.filterClear', { county: scopeName })}
                  onClick={() => setPickedCounty(null)}
                >
                  ×
                </button>
              )}
            </span>
          ) : (
            <span className="dash-chip city">{scopeName}</span>
          )}
          <span className="dash-hint">{lockedCounty ? t('dashboard.filterLocked', { county: scopeName }) : t('dashboard.filterHint')}</span>
        </div>
        <label className="dash-asof">
          <span>{t('dashboard.asOf')}</span>
          <input
            type="date"
            data-testid="asof-input"
            value={shownDay}
            min={range.min}
            max={range.max}
            onChange={(e) => setAsOf(e.target.value === '' ? null : e.target.value)}
          />
          {asOf !== null && summary?.latestDataDay && asOf !== summary.latestDataDay ? (
            <button type="button" onClick={() => setAsOf(null)} title={t('dashboard.asOfLatest', { day: summary.latestDataDay })}>
              {t('dashboard.asOfReset')}
            </button>
          ) : null}
        </label>
        <span className={ready ? 'dash-status' : 'dash-status busy'} role="status">
          {ready ? '' : t('dashboard.loading')}
        </span>
        <PrintButton />
      </header>

      {!answer.loading && answer.error !== null ? <ErrorBox error={answer.error} onRetry={answer.reload} /> : null}
      {synced.banner ? <SyncBanner banner={synced.banner} kept={synced.kept} /> : null}
      {noData ? <EmptyDashboard session={session} /> : null}
      {ready && summary.latestDataDay !== null && beforeData(summary) ? (
        <p className="dash-notice" role="status" data-testid="dash-no-data-day">
          {t('dashboard.noData.day', { day: summary.asOf, latest: summary.latestDataDay })}
        </p>
      ) : null}

      {summary ? (
        <KpiCards
          kpis={summary.kpis}
          asOf={summary.asOf}
          county={county}
          onFigure={figures.open}
          {...(canSeeCases ? { onCases: () => navigate({ screen: 'enforcement', caseId: null, flag: null }) } : {})}
        />
      ) : (
        <div className="dash-kpis dash-kpis-placeholder" aria-hidden="true" />
      )}
      {summary && summary.latestDataDay !== null ? <SignoffPanel answer={signoff} session={session} /> : null}

      <div className="dash-grid">
        <section className="dash-panel dash-map" aria-labelledby="dash-map-title">
          <h3 id="dash-map-title">{t('dashboard.map.title')}</h3>
          <div className="dash-chart-box">
            <div className="dash-chart" ref={mapRef} data-testid="county-map" role="img" aria-label={t('dashboard.map.title')} />
            {mapReady ? null : (
              <div className="dash-chart-overlay">{map.error ? t('dashboard.map.failed') : t('dashboard.map.loading')}</div>
            )}
          </div>
          {rows && bands ? <MapLegend rows={rows} thresholds={bands} /> : null}
          {map.credit ? (
            <p className="dash-credit" title={t('dashboard.map.credit')} data-testid="map-credit">
              {mapCreditText(t, map.credit)}
            </p>
          ) : null}
        </section>
        <section className="dash-panel dash-bars" aria-labelledby="dash-bars-title">
          <h3 id="dash-bars-title">{t('dashboard.bars.title')}</h3>
          <div className="dash-chart-box">
            <div className="dash-chart" ref={barsRef} data-testid="county-bars" role="img" aria-label={t('dashboard.bars.title')} />
          </div>
        </section>
        <section className="dash-panel dash-trend" aria-labelledby="dash-trend-title">
          <h3 id="dash-trend-title">{t('dashboard.trend.title', { days: TREND_DAYS, scope: scopeName })}</h3>
          <div className="dash-chart-box">
            <div
              className="dash-chart"
              ref={trendRef}
              data-testid="trend-chart"
              role="img"
              aria-label={t('dashboard.trend.title', { days: TREND_DAYS, scope: scopeName })}
            />
          </div>
        </section>
        {summary ? <ForecastBand forecast={summary.forecast} asOf={summary.asOf} scope={scopeName} /> : null}
        {summary ? (
          <TransitionsPanel transitions={summary.transitions} day={summary.asOf} county={county} onFigure={figures.open} />
        ) : (
          <section className="dash-panel dash-transitions" data-testid="transitions" />
        )}
        {rows ? (
          <CountyTable
            rows={rows}
            cityTotal={summary?.cityTotal ?? null}
            selected={county}
            locked={lockedCounty !== null}
            asOf={summary?.asOf ?? ''}
            onSelect={selectCounty}
            onFigure={figures.open}
          />
        ) : (
          <section className="dash-panel dash-counties" />
        )}
        {summary ? (
          <FreshnessPanel freshness={summary.freshness} asOf={summary.asOf} canOpenData={session.permissions.includes('data.view')} />
        ) : (
          <section className="dash-panel dash-freshness" data-testid="freshness" />
        )}
      </div>
      {figures.dialog}
    </section>
  );
}
