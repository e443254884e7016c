import { useMemo } from 'react';
import type { TimelineEvent } from '../../../../shared/contract/api.ts';
import { CODE_COLORS, type CodeColor } from '../../../../shared/domain/rules/colors.ts';
import { ColorBadge } from '../../components/color-badge.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { colourChangeText, eventText } from './people-text.ts';
import { clockTime, groupTimeline, runDays } from './timeline.ts';

const isColor = (v: unknown): v is CodeColor => typeof v === 'string' && (CODE_COLORS as readonly string[]).includes(v);

/** Newest first; runs of normal check-in days folded into one line each. */
export function PersonTimeline({ events }: { events: TimelineEvent[] }) {
  const { t, lang } = useI18n();
  const items = useMemo(() => groupTimeline(events), [events]);
  if (items.length === 0) {
    return (
      <p className="people-hint" data-testid="person-timeline" data-count={0}>
        {t('people.timeline.empty')}
      </p>
    );
  }
  return (
    <ol className="person-timeline" data-testid="person-timeline" data-count={items.length}>
      {items.map((item, i) => {
        if (item.type === 'checkin-run') {
          const days = runDays(item.from, item.to);
          return (
            <li key={`run-${item.to}`} className="person-tl-item person-tl-run" data-kind="checkin-run" data-days={item.days}>
              <span className="person-tl-when people-mono">{item.to}</span>
              <span className="person-tl-kind person-tl-kind-checkin">{t('people.kind.checkin')}</span>
              <span className="person-tl-text">{t('people.timeline.run', { from: days.from, to: days.to, n: item.days })}</span>
            </li>
          );
        }
        const e = item.event;
        const abnormal = e.kind === 'checkin' && e.detail.abnormal === true;
        const why = e.kind === 'colour' ? colourChangeText(t, e.detail) : null;
        return (
          <li
            key={`${e.kind}-${e.day}-${e.at ?? ''}-${i}`}
            className={abnormal ? 'person-tl-item person-tl-abnormal' : 'person-tl-item'}
            data-kind={e.kind}
          >
            <span className="person-tl-when people-mono">
              {e.day}
              {e.at !== null ? <span className="person-tl-clock"> {clockTime(e.at)}</span> : null}
            </span>
            <span className={`person-tl-kind person-tl-kind-${e.kind}`}>{t(`people.kind.${e.kind}`)}</span>
            {e.kind === 'colour' && isColor(e.detail.from) && isColor(e.detail.to) ? (
              <span className="person-tl-text">
                <ColorBadge color={e.detail.from} /> → <ColorBadge color={e.detail.to} />
                {why ? <span className="person-tl-why">{t('people.tl.because', { reason: why })}</span> : null}
              </span>
            ) : (
              <span className="person-tl-text">{eventText(t, lang, e)}</span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
