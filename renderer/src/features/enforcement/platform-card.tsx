import { Fragment } from 'react';
import type { PlatformDelivery } from '../../../../shared/contract/api.ts';
import { Card } from '../../components/card.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { platformLine } from './platform-text.ts';

/**
 * What the health-code platform has been told of this case: each outcome (a decision forces red, a
 * revocation voids it, a served term ends it), delivered or waiting to be sent. Shown once the case
 * has an outcome; a case still under review has nothing to tell.
 */
export function PlatformCard({ platform }: { platform: PlatformDelivery[] }) {
  const { t, formatTime } = useI18n();
  if (platform.length === 0) return null;
  return (
    <Card title={t('enforcement.platform.title')} testId="case-platform">
      <p className="enf-muted">{t('enforcement.platform.intro')}</p>
      <dl className="enf-facts">
        {platform.map((p) => {
          const line = platformLine(t, formatTime, p);
          return (
            <Fragment key={`${p.action}|${p.effectiveAt}`}>
              <dt>{line.action}</dt>
              <dd data-testid="platform-outcome" data-action={p.action} data-delivered={line.delivered ? 'yes' : 'no'}>
                <span className="enf-mono enf-nowrap">{line.effective}</span>
                <span className={`enf-state ${line.delivered ? 'enf-tone-good' : 'enf-tone-warn'}`} data-testid="platform-status">
                  {line.status}
                </span>
                {line.detail ? <span className="enf-muted">{line.detail}</span> : null}
              </dd>
            </Fragment>
          );
        })}
      </dl>
    </Card>
  );
}
