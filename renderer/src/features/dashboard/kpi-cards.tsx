import type { ReactNode } from 'react';
import type { Kpis } from '../../../../shared/contract/dashboard.ts';
import type { Figure, FigureQuery } from '../../../../shared/contract/figures.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { FigureButton } from '../figures/figure-button.tsx';

type Tone = 'red' | 'yellow' | 'green' | 'total' | 'cases';

/** The change against the day before: sign, arrow and a colour that says whether it is worse. */
function Change({ id, value, worseWhenUp }: { id: string; value: number; worseWhenUp: boolean }) {
  const { t, formatNumber } = useI18n();
  if (value === 0) {
    return (
      <div className="dash-change flat" data-testid={`${id}-change`} data-value={0}>
        {t('dashboard.kpi.unchanged')}
      </div>
    );
  }
  const up = value > 0;
  const worse = up === worseWhenUp;
  const text = `${up ? '▲ +' : '▼ −'}${formatNumber(Math.abs(value))}`;
  return (
    <div className={`dash-change ${up ? 'up' : 'down'} ${worse ? 'worse' : 'better'}`} data-testid={`${id}-change`} data-value={value}>
      {t('dashboard.kpi.change', { change: text })}
    </div>
  );
}

function Card({ tone, label, children }: { tone: Tone; label: string; children: ReactNode }) {
  return (
    <div className={`dash-kpi dash-kpi-${tone}`}>
      <div className="dash-kpi-label">{label}</div>
      {children}
    </div>
  );
}

/**
 * KPI cards: holders and coverage, red, yellow, green (each with its change), open cases. Each count
 * opens the people behind it for the day and county shown (`onFigure`); open cases open the queue.
 */
export function KpiCards({
  kpis,
  asOf,
  county,
  onFigure,
  onCases,
}: {
  kpis: Kpis;
  asOf?: string;
  county?: string | null;
  onFigure?: (q: FigureQuery) => void;
  onCases?: () => void;
}) {
  const { t, formatNumber, formatPercent } = useI18n();
  const query = (figure: Figure): FigureQuery => ({ figure, county: county ?? null, ...(asOf ? { asOf } : {}) });
  const count = (id: string, n: number, figure: Figure) => (
    <div className="dash-kpi-value" data-testid={id} data-value={n}>
      <FigureButton query={query(figure)} value={n} onOpen={onFigure} />
    </div>
  );
  return (
    <div className="dash-kpis">
      <Card tone="total" label={t('dashboard.kpi.total')}>
        {count('kpi-total', kpis.total, 'holders')}
        <Change id="kpi-total" value={kpis.change.total} worseWhenUp={false} />
        <div className="dash-kpi-sub">
          {t('dashboard.kpi.coverage')}{' '}
          <strong data-testid="kpi-coverage" data-value={kpis.coverage}>
            {formatPercent(kpis.coverage)}
          </strong>
          <span className="dash-kpi-nocode">
            {' · '}
            <FigureButton query={query('noCode')} value={kpis.noCode} onOpen={onFigure}>
              {t('dashboard.kpi.noCode', { n: formatNumber(kpis.noCode) })}
            </FigureButton>
          </span>
        </div>
      </Card>
      <Card tone="red" label={t('dashboard.kpi.red')}>
        {count('kpi-red', kpis.red, 'red')}
        <Change id="kpi-red" value={kpis.change.red} worseWhenUp />
      </Card>
      <Card tone="yellow" label={t('dashboard.kpi.yellow')}>
        {count('kpi-yellow', kpis.yellow, 'yellow')}
        <Change id="kpi-yellow" value={kpis.change.yellow} worseWhenUp />
      </Card>
      <Card tone="green" label={t('dashboard.kpi.green')}>
        {count('kpi-green', kpis.green, 'green')}
        <Change id="kpi-green" value={kpis.change.green} worseWhenUp={false} />
      </Card>
      <Card tone="cases" label={t('dashboard.kpi.openCases')}>
        {kpis.openCases === null ? (
          <>
            <div className="dash-kpi-value" data-testid="kpi-open-cases">
              —
            </div>
            <div className="dash-kpi-sub">{t('dashboard.kpi.openCasesUnavailable')}</div>
          </>
        ) : (
          <div className="dash-kpi-value" data-testid="kpi-open-cases" data-value={kpis.openCases}>
            {onCases ? (
              <button
                type="button"
                className="figure-link"
                data-testid="figure-open-cases"
                onClick={onCases}
                title={t('dashboard.kpi.openCasesOpen')}
              >
                {formatNumber(kpis.openCases)}
              </button>
            ) : (
              formatNumber(kpis.openCases)
            )}
          </div>
        )}
      </Card>
    </div>
  );
}
