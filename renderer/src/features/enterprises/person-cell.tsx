import type { PersonRef } from '../../../../shared/contract/people.ts';
import { routeHash } from '../../app/router.tsx';

/** A masked ID that opens the person's page, for roles that may see people (plain text otherwise). */
export function PersonCell({ personRef, idMasked, canOpen }: { personRef: PersonRef; idMasked: string; canOpen: boolean }) {
  if (!canOpen) return <span className="mono">{idMasked}</span>;
  return (
    <a className="mono" href={routeHash({ screen: 'people', ref: personRef })} data-testid="person-link">
      {idMasked}
    </a>
  );
}
