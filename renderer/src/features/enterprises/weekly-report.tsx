/** 复工复产企业管理员周报: pick an ISO week (default: the week of the as-of day) and export it. */
import { useState } from 'react';
import { Card } from '../../components/card.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { isoWeekOf, weekDays, weeklyReportFileName } from './enterprise-lists.ts';
import { ExportButton, exportFile } from './export-button.tsx';

export function WeeklyReport({ day }: { day: string | undefined }) {
  const { t } = useI18n();
  const [picked, setPicked] = useState<string | null>(null);
  const week = picked ?? (day ? isoWeekOf(day) : null) ?? '';
  const range = weekDays(week);
  return (
    <Card title={t('enterprises.weekly.title')} testId="weekly-report" className="ent-weekly">
      <p className="muted">{t('enterprises.weekly.intro')}</p>
      <div className="ent-filters">
        <label className="ent-inline">
          <span>{t('enterprises.weekly.week')}</span>
          {/* type=week where the browser has one; the value is the same `2020-W08` either way. */}
          <input
            type="week"
            value={week}
            onChange={(e) => setPicked(e.target.value)}
            aria-invalid={range === null || undefined}
            data-testid="weekly-week"
          />
        </label>
        <span className="muted" data-testid="weekly-range">
          {range ? t('enterprises.weekly.range', range) : t('enterprises.weekly.invalid')}
        </span>
        <ExportButton
          testId="weekly-export"
          label={t('enterprises.weekly.export')}
          disabled={range === null}
          run={() => exportFile('enterprises.weeklyReport', { week }, weeklyReportFileName(week))}
        />
      </div>
    </Card>
  );
}
