/** The key figures of a briefing date: the code colours with their change, the day's colour changes, enforcement and the sheets' rows. */
import type { ReactNode } from 'react';
import type { BriefingPreview } from '../../../../shared/contract/briefing.ts';
import { tomorrowAndWeek } from '../../../../shared/contract/forecast.ts';
import type { Figure as FigureKind, FigureQuery } from '../../../../shared/contract/figures.ts';
import { FigureButton } from '../figures/figure-button.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { changeView, daysInRange } from './briefing-text.ts';

type Tone = 'total' | 'red' | 'yellow' | 'green';

/** Opens the people behind a figure of the preview's day and county (undefined: figures stay plain). */
type Open = ((figure: FigureKind) => void) | undefined;
const TONE_FIGURE: Record<Tone, FigureKind> = { total: 'holders', red: 'red', yellow: 'yellow', green: 'green' };

function Change({ id, value, worseWhenUp }: { id: string; value: number; worseWhenUp: boolean }) {
  const { t, formatNumber } = useI18n();
  const view = changeView(value, worseWhenUp, formatNumber);
  return (
    <div className={`brf-change brf-change-${view.tone}`} data-testid={`${id}-change`} data-value={value}>
      {view.text === null ? t('briefings.kpi.unchanged') : t('briefings.kpi.change', { change: view.text })}
    </div>
  );
}

function Kpi({
  tone,
  label,
  value,
  change,
  worseWhenUp,
  open,
}: {
  tone: Tone;
  label: MessageKey;
  value: number;
  change: number;
  worseWhenUp: boolean;
  open: Open;
}) {
  const { t, formatNumber } = useI18n();
  const id = `brf-${tone}`;
  return (
    <div className={`brf-kpi brf-kpi-${tone}`}>
      <div className="brf-kpi-label">{t(label)}</div>
      <div className="brf-kpi-value" data-testid={id} data-value={value}>
        {open ? (
          <FigureButton query={{ figure: TONE_FIGURE[tone] }} value={value} onOpen={() => open(TONE_FIGURE[tone])} />
        ) : (
          formatNumber(value)
        )}
      </div>
      <Change id={id} value={change} worseWhenUp={worseWhenUp} />
    </div>
  );
}

/** One figure of a group: a label, a number and its unit; `tone` marks it with a code colour. */
function Figure({
  id,
  label,
  value,
  unit,
  tone,
  figure,
  open,
}: {
  id: string;
  label: ReactNode;
  value: number;
  unit: MessageKey;
  tone?: 'red' | 'yellow' | 'green';
  /** The people behind it, when it counts people. */
  figure?: FigureKind;
  open?: Open;
}) {
  const { t, formatNumber } = useI18n();
  return (
    <div className={tone ? `brf-figure brf-figure-${tone}` : 'brf-figure'}>
      <dt>{label}</dt>
      <dd>
        <span className="brf-figure-value" data-testid={id} data-value={value}>
          {figure && open ? <FigureButton query={{ figure }} value={value} onOpen={() => open(figure)} /> : formatNumber(value)}
        </span>
        <span className="brf-unit">{t(unit)}</span>
      </dd>
    </div>
  );
}

function Group({ title, children, testId }: { title: MessageKey; children: ReactNode; testId: string }) {
  const { t } = useI18n();
  return (
    <section className="brf-group" data-testid={testId} aria-label={t(title)}>
      <h3>{t(title)}</h3>
      <dl>{children}</dl>
    </section>
  );
}

/** The preview's figures, in the order of the workbook's 概况 sheet. `trendFrom` is the trend start the export will use. */
export function BriefingFigures({
  preview,
  trendFrom,
  county,
  onFigure,
}: {
  preview: BriefingPreview;
  trendFrom: string | null;
  county?: string | null;
  onFigure?: (q: FigureQuery) => void;
}) {
  const { t, formatNumber } = useI18n();
  const open: Open = onFigure ? (figure) => onFigure({ figure, asOf: preview.day, county: county ?? null }) : undefined;
  const k = preview.kpis;
  const from = trendFrom ?? preview.trendFrom;
  const trendDays = daysInRange(from, preview.day);
  return (
    <>
      <div className="brf-kpis">
        <Kpi tone="total" label="briefings.kpi.total" value={k.total} change={k.change.total} worseWhenUp={false} open={open} />
        <Kpi tone="red" label="briefings.kpi.red" value={k.red} change={k.change.red} worseWhenUp open={open} />
        <Kpi tone="yellow" label="briefings.kpi.yellow" value={k.yellow} change={k.change.yellow} worseWhenUp open={open} />
        <Kpi tone="green" label="briefings.kpi.green" value={k.green} change={k.change.green} worseWhenUp={false} open={open} />
      </div>
      <div className="brf-groups">
        <Group title="briefings.group.turned" testId="brf-group-turned">
          <Figure
            id="brf-turned-red"
            label={t('briefings.turned.red')}
            value={preview.turned.red}
            unit="briefings.unit.people"
            tone="red"
            figure="turnedRed"
            open={open}
          />
          <Figure
            id="brf-turned-yellow"
            label={t('briefings.turned.yellow')}
            value={preview.turned.yellow}
            unit="briefings.unit.people"
            tone="yellow"
            figure="turnedYellow"
            open={open}
          />
          <Figure
            id="brf-turned-green"
            label={t('briefings.turned.green')}
            value={preview.turned.green}
            unit="briefings.unit.people"
            tone="green"
            figure="turnedGreen"
            open={open}
          />
          <Figure
            id="brf-new-codes"
            label={t('briefings.newCodes')}
            value={preview.newCodes}
            unit="briefings.unit.people"
            figure="newCodes"
            open={open}
          />
        </Group>
        <Group title="briefings.group.enforcement" testId="brf-group-enforcement">
          <Figure
            id="brf-new-suspicions"
            label={t('briefings.enf.newSuspicions')}
            value={preview.enforcement.newSuspicions}
            unit="briefings.unit.cases"
          />
          <Figure
            id="brf-decisions"
            label={t('briefings.enf.decisions')}
            value={preview.enforcement.decisions}
            unit="briefings.unit.cases"
          />
          <Figure
            id="brf-revocations"
            label={t('briefings.enf.revocations')}
            value={preview.enforcement.revocations}
            unit="briefings.unit.cases"
          />
          <Figure
            id="brf-open-cases"
            label={t('briefings.enf.openCases')}
            value={preview.enforcement.openCases}
            unit="briefings.unit.cases"
          />
        </Group>
        <Group title="briefings.group.sheets" testId="brf-group-sheets">
          <Figure id="brf-changes-rows" label={t('briefings.sheet.changes')} value={preview.changes} unit="briefings.unit.rows" />
          <Figure id="brf-notices-rows" label={t('briefings.sheet.notices')} value={preview.notices} unit="briefings.unit.rows" />
          <div className="brf-figure">
            <dt>{t('briefings.sheet.trend')}</dt>
            <dd>
              <span className="brf-figure-value" data-testid="brf-trend-days" data-value={trendDays} data-from={from}>
                {formatNumber(trendDays)}
              </span>
              <span className="brf-unit">{t('briefings.unit.days')}</span>
              <span className="brf-range">{t('briefings.trendRange', { from, to: preview.day })}</span>
            </dd>
          </div>
        </Group>
      </div>
      <ForecastLine preview={preview} />
    </>
  );
}

/** 概况's line of the green forecast: expected greens tomorrow and within the week, and those held. */
function ForecastLine({ preview }: { preview: BriefingPreview }) {
  const { t, formatNumber } = useI18n();
  // Not worked out for the preview of a large city's unkept day: the exported workbook carries it.
  if (preview.forecast === null) return <p className="brf-forecast">{t('briefings.forecastLater')}</p>;
  const f = tomorrowAndWeek(preview.forecast);
  return (
    <p className="brf-forecast" data-testid="brf-forecast" data-tomorrow={f.tomorrow} data-week={f.week} data-held={f.held}>
      {t('briefings.forecast', { tomorrow: formatNumber(f.tomorrow), week: formatNumber(f.week), held: formatNumber(f.held) })}
    </p>
  );
}
