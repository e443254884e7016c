/**
 * 简报导出: pick the briefing date (default: the latest date the data reaches) and the trend's start,
 * check the key figures (the same queries as the workbook), export the Excel briefing to a file
 * chosen with the save dialog (the browser downloads it), and see the recent exports. A county
 * account's briefing is its county's: the screen says so, and the figures and file are the county's.
 */
import { useCallback, useState } from 'react';
import type { BriefingExportResult, ConsoleEvent, SessionInfo } from '../../../../shared/contract/api.ts';
import { countyName } from '../../../../shared/domain/counties.ts';
import { exportFile, useConsoleEvents } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { Card } from '../../components/card.tsx';
import { DateInput } from '../../components/date-input.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { Field } from '../../components/field.tsx';
import { ProgressBar } from '../../components/progress-bar.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { BriefingFigures } from './briefing-figures.tsx';
import { FreshnessCard, RecentExportsCard } from './briefing-tables.tsx';
import {
  BRIEFING_SHEETS,
  RECENT_LIMIT,
  briefingFileName,
  defaultTrendFrom,
  previewParams,
  sheetList,
  validateBriefing,
} from './briefing-text.ts';
import { useFigurePeople } from '../figures/use-figure-people.tsx';
import { ExportWarning, needsExportWarning } from '../signoff/export-warning.tsx';
import { SignoffPanel } from '../signoff/signoff-panel.tsx';
import { useSignoffStatus } from '../signoff/use-signoff-status.ts';
import './briefings.css';

export function BriefingsScreen({ session }: { session: SessionInfo }) {
  const { t, lang } = useI18n();
  // The preview's figures open the people behind them, as the dashboard's do.
  const people = useFigurePeople(session);
  // Data synced or recomputed elsewhere: the figures (and the latest date) are asked for again.
  const [version, setVersion] = useState(0);
  const onEvent = useCallback((e: ConsoleEvent) => {
    if (e.type === 'data-changed') setVersion((v) => v + 1);
  }, []);
  useConsoleEvents(onEvent);

  // null: follow the server's default (the latest date; 13 days before it). A string: what the user
  // picked or typed, '' when they cleared the field.
  const [dayPick, setDayPick] = useState<string | null>(null);
  const [trendPick, setTrendPick] = useState<string | null>(null);

  const [lastLatest, setLastLatest] = useState<string | null>(null);
  const preview = useApi('briefing.preview', previewParams(dayPick, lastLatest), [version]);
  const latest = preview.data?.latestDataDay ?? null;
  if (preview.data && latest !== lastLatest) setLastLatest(latest);

  const shownDay = dayPick ?? latest ?? preview.data?.day ?? '';
  const shownTrendFrom = trendPick ?? defaultTrendFrom(shownDay) ?? '';
  const known = preview.data !== null;
  const check = validateBriefing({ day: shownDay, trendFrom: trendPick ?? '', latest });
  const dayError = known && !check.ok ? check.errors.day : undefined;
  const trendError = known && !check.ok ? check.errors.trendFrom : undefined;

  // The figures of the date shown; while another date loads, the previous figures stay, dimmed.
  const current = preview.data !== null && preview.data.day === shownDay && !preview.loading ? preview.data : null;
  const figures = current ?? (preview.loading && !dayError ? preview.data : null);
  const noData = known && latest === null;
  // A county account's briefing is its county's (the server decides; the preview says which).
  const county = preview.data?.county ?? null;

  const [recentVersion, setRecentVersion] = useState(0);
  const recent = useApi('briefing.recent', { limit: RECENT_LIMIT }, [version, recentVersion]);

  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<BriefingExportResult | null>(null);
  const [exportError, setExportError] = useState<unknown>(null);
  const canExport = check.ok && current !== null && !noData && !exporting;
  // The counties' sign-off of the briefing's day: shown, and asked about before exporting without it.
  const signoff = useSignoffStatus(current?.day ?? null, [version]);
  const [warning, setWarning] = useState(false);
  const askExport = () => {
    const s = signoff.data;
    if (s !== null && check.ok && s.day === current?.day && needsExportWarning(s)) setWarning(true);
    else exportBriefing();
  };

  const exportBriefing = () => {
    if (!check.ok || current === null) return;
    const { day, trendFrom } = check.value;
    setExporting(true);
    setExported(null);
    setExportError(null);
    exportFile('briefing.export', { day, trendFrom }, current.fileName || briefingFileName(day, county)).then(
      (r) => {
        setExporting(false);
        // null: the save dialog was closed, nothing was written and nothing needs saying.
        setExported(r);
        if (r) setRecentVersion((v) => v + 1);
      },
      (err: unknown) => {
        setExporting(false);
        setExportError(err);
      },
    );
  };

  const pickDay = (value: string) => {
    setDayPick(value);
    // A new date brings the default trend with it (the 14 days up to that date).
    setTrendPick(null);
  };

  return (
    <section
      className="screen brf-screen"
      data-screen="briefings"
      data-testid="briefings-screen"
      data-ready={current !== null ? 'true' : 'false'}
      aria-busy={current === null}
    >
      <h1 className="screen-title">{t('briefings.title')}</h1>
      <p className="intro brf-intro">{t('briefings.intro')}</p>
      {county !== null ? (
        <p className="notice brf-scope" data-testid="briefing-county" data-county={county}>
          {t('briefings.countyScope', { county: countyName(county, lang) })}
        </p>
      ) : null}

      <Card title={t('briefings.form.title')} testId="briefing-form" className="brf-form-card">
        <div className="brf-form">
          <div className="brf-field">
            <Field
              label={t('briefings.day')}
              hint={latest ? t('briefings.dayHint', { day: latest }) : '\u00a0'}
              error={dayError}
              testId="briefing-day"
              aside={
                dayPick !== null && latest !== null && dayPick !== latest ? (
                  <button
                    type="button"
                    className="button-quiet brf-link-button"
                    onClick={() => {
                      setDayPick(null);
                      setTrendPick(null);
                    }}
                    data-testid="briefing-day-latest"
                  >
                    {t('briefings.dayLatest')}
                  </button>
                ) : null
              }
            >
              {(describedBy, invalid) => (
                <DateInput
                  value={shownDay}
                  onChange={pickDay}
                  max={latest ?? undefined}
                  invalid={invalid}
                  describedBy={describedBy}
                  testId="briefing-day"
                  required
                />
              )}
            </Field>
          </div>
          <div className="brf-field">
            <Field
              label={t('briefings.trendFrom')}
              hint={t('briefings.trendHint')}
              error={trendError}
              testId="briefing-trend"
              aside={
                trendPick !== null ? (
                  <button
                    type="button"
                    className="button-quiet brf-link-button"
                    onClick={() => setTrendPick(null)}
                    data-testid="briefing-trend-default"
                  >
                    {t('briefings.trendDefault')}
                  </button>
                ) : null
              }
            >
              {(describedBy, invalid) => (
                <DateInput
                  value={shownTrendFrom}
                  onChange={setTrendPick}
                  max={shownDay || undefined}
                  invalid={invalid}
                  describedBy={describedBy}
                  testId="briefing-trend-from"
                />
              )}
            </Field>
          </div>
          <div className="brf-export">
            <button
              type="button"
              className="button-primary brf-export-button"
              onClick={askExport}
              disabled={!canExport}
              aria-busy={exporting}
              data-testid="briefing-export"
            >
              {exporting ? t('briefings.exporting') : t('briefings.export')}
            </button>
            <p className="brf-file-line">
              <span className="muted">{t('briefings.fileName')}</span>
              <span className="brf-file" data-testid="briefing-file-name">
                {check.ok ? (current?.fileName ?? briefingFileName(check.value.day, county)) : '—'}
              </span>
            </p>
          </div>
        </div>
        <p className="muted brf-sheets">{t('briefings.sheets', { n: BRIEFING_SHEETS.length, names: sheetList(lang) })}</p>
        {exporting ? (
          <div className="brf-busy" data-testid="briefing-exporting">
            <ProgressBar value={null} label={t('briefings.exporting')} />
            <p className="muted">{t('briefings.exportingHint')}</p>
          </div>
        ) : null}
        {exported ? (
          <p
            className="notice notice-good brf-done"
            role="status"
            data-testid="briefing-exported"
            data-file-name={exported.fileName}
            data-sheets={exported.sheets.join(',')}
          >
            {t('briefings.exported', { file: exported.fileName, sheets: exported.sheets.length })}
          </p>
        ) : null}
        {exportError ? <ErrorBox error={exportError} testId="briefing-export-error" /> : null}
      </Card>

      {noData ? (
        <p className="notice notice-warn" data-testid="briefing-no-data">
          {t('briefings.noData')}
        </p>
      ) : null}
      {preview.error ? <ErrorBox error={preview.error} onRetry={preview.reload} testId="briefing-preview-error" /> : null}

      {figures && !noData ? (
        <Card
          title={
            figures.county === null
              ? t('briefings.preview.title', { day: figures.day })
              : t('briefings.preview.titleCounty', { day: figures.day, county: countyName(figures.county, lang) })
          }
          actions={current === null ? <span className="muted brf-updating">{t('briefings.preview.stale')}</span> : undefined}
          testId="briefing-preview"
          className={current === null ? 'brf-preview brf-dim' : 'brf-preview'}
        >
          <div data-testid="briefing-preview-day" data-day={figures.day} data-current={current !== null ? 'true' : 'false'} hidden />
          <BriefingFigures
            preview={figures}
            trendFrom={check.ok ? check.value.trendFrom : null}
            county={session.user.county}
            onFigure={people.open}
          />
        </Card>
      ) : !noData && !dayError && preview.loading ? (
        <Card testId="briefing-preview-loading" className="brf-preview">
          <p className="muted">{t('briefings.preview.loading', { day: shownDay || '…' })}</p>
        </Card>
      ) : null}

      {current && !noData ? <SignoffPanel answer={signoff} session={session} /> : null}
      {warning && signoff.data ? (
        <ExportWarning
          status={signoff.data}
          onCancel={() => setWarning(false)}
          onExport={() => {
            setWarning(false);
            exportBriefing();
          }}
        />
      ) : null}

      <div className="brf-columns">
        {figures && !noData ? <FreshnessCard freshness={figures.freshness} day={figures.day} /> : null}
        <RecentExportsCard rows={recent.data ?? []} loading={recent.loading} error={recent.error} onRetry={recent.reload} />
      </div>
      {people.dialog}
    </section>
  );
}
