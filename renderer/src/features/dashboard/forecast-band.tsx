import type { ExpectedGreens } from '../../../../shared/contract/forecast.ts';
import { tomorrowAndWeek } from '../../../../shared/contract/forecast.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * The green forecast after the trend (issue 17): for each of the next 14 days, how many of the red
 * and yellow people can turn green that day if their days stay normal (dashed: expected, not yet
 * seen), and how many an ongoing condition holds. Of the dashboard's county filter, as the trend.
 */
export function ForecastBand({ forecast, asOf, scope }: { forecast: ExpectedGreens | null; asOf: string; scope: string }) {
  const { t, formatNumber } = useI18n();
  if (forecast === null) {
    // A large city's day whose forecast is not kept (green-forecast.ts: dashboardForecast).
    return (
      <section
        className="dash-panel dash-forecast dash-no-print"
        data-testid="forecast-band"
        data-as-of={asOf}
        aria-labelledby="dash-forecast-title"
      >
        <h3 id="dash-forecast-title">{t('dashboard.forecast.title', { scope })}</h3>
        <p className="dash-forecast-note" data-testid="forecast-not-kept">
          {t('dashboard.forecast.notKept', { day: asOf })}
        </p>
      </section>
    );
  }
  const max = Math.max(1, ...forecast.days.map((d) => d.n));
  const f = tomorrowAndWeek(forecast);
  return (
    // Not printed: the printed dashboard is two pages of what is, not of what is expected.
    <section
      className="dash-panel dash-forecast dash-no-print"
      data-testid="forecast-band"
      data-as-of={forecast.asOf}
      aria-labelledby="dash-forecast-title"
    >
      <h3 id="dash-forecast-title">{t('dashboard.forecast.title', { scope })}</h3>
      <p className="dash-forecast-note">{t('dashboard.forecast.note', { day: forecast.asOf })}</p>
      <ol className="dash-forecast-days" aria-label={t('dashboard.forecast.title', { scope })}>
        {forecast.days.map((d) => (
          <li
            key={d.day}
            data-testid="forecast-day"
            data-day={d.day}
            data-value={d.n}
            title={t('dashboard.forecast.dayTitle', { day: d.day })}
          >
            <span className="dash-forecast-n">{formatNumber(d.n)}</span>
            <span className="dash-forecast-slot">
              <span className="dash-forecast-bar" style={{ height: `${(d.n / max) * 100}%` }} />
            </span>
            <span className="dash-forecast-day">{d.day.slice(5)}</span>
          </li>
        ))}
      </ol>
      <dl className="dash-forecast-legend">
        <div>
          <dt>{t('dashboard.forecast.tomorrow')}</dt>
          <dd data-testid="forecast-tomorrow" data-value={f.tomorrow}>
            {formatNumber(f.tomorrow)}
          </dd>
        </div>
        <div>
          <dt>{t('dashboard.forecast.week')}</dt>
          <dd data-testid="forecast-week" data-value={f.week}>
            {formatNumber(f.week)}
          </dd>
        </div>
        <div>
          <dt>{t('dashboard.forecast.held')}</dt>
          <dd data-testid="forecast-held" data-value={f.held}>
            {formatNumber(f.held)}
          </dd>
        </div>
        <div>
          <dt>{t('dashboard.forecast.redYellow')}</dt>
          <dd data-testid="forecast-red-yellow" data-value={forecast.redYellow}>
            {formatNumber(forecast.redYellow)}
          </dd>
        </div>
      </dl>
    </section>
  );
}
