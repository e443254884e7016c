/**
 * County sign-off, the service (issue 17): who may sign off which county, the signing itself
 * (stored with the figures signed, audited, in one transaction), and the state of the counties'
 * sign-offs of a day with the figures changed since. The API's handler and `hcc signoff` both come
 * here, so the console and the command line refuse the same things with the same words.
 *
 * Who signs: the county's designated officer, an account of role officer (or credit: ENFORCEMENT.md
 * makes credit staff officers with more duties, so a county's credit officer may be the one
 * designated) whose account is scoped to that county. A city-wide account signs no county: the
 * notice puts each county's figures on that county's own designated person. Everyone who sees the
 * dashboard sees the state: city-wide accounts all seven counties, a county's account its own.
 */
import { COUNTIES, countyName } from '../../../shared/domain/counties.ts';
import { changedFigures } from '../../../shared/domain/county-signoff.ts';
import { type Day, formatDay } from '../../../shared/domain/local-date.ts';
import { type Role, can } from '../../../shared/domain/roles.ts';
import type { CountySignoffState, SignoffStatus } from '../../../shared/contract/signoff.ts';
import { audit } from '../audit/audit-log.ts';
import { latestDataDay } from '../clock/data-days.ts';
import type { Db } from '../db/database.ts';
import { ApiFailure } from '../failures/api-failure.ts';
import { isColourStateFresh } from '../rules/recompute.ts';
import { type SignoffRow, insertSignoff, latestSignoffs } from './county-signoffs.ts';
import { countySignoffFigures } from './signoff-figures.ts';

export interface Signer {
  name: string;
  role: Role;
  /** The account's county (users.county), or null for a city-wide account. */
  county: string | null;
}

/** The county this account may sign off, or null (the same rule signOffCounty enforces). */
export function signableCounty(signer: Signer): string | null {
  return signer.county !== null && can(signer.role, 'county.signoff') ? signer.county : null;
}

/** Refuses, with what to do, anyone but the county's own designated officer. */
function checkSigner(signer: Signer, county: string): void {
  if (!can(signer.role, 'county.signoff')) throw ApiFailure.because('forbidden', { code: 'signoff.roleMayNot' });
  if (signer.county === null) throw ApiFailure.because('forbidden', { code: 'signoff.cityWide', params: { county: countyName(county) } });
  if (signer.county !== county)
    throw ApiFailure.because('forbidden', {
      code: 'signoff.otherCounty',
      params: { own: countyName(signer.county), county: countyName(county) },
    });
}

function stateOf(db: Db, day: Day, county: string, latest: { row: SignoffRow; count: number } | undefined): CountySignoffState {
  const figures = countySignoffFigures(db, day, county);
  return {
    county,
    signed: latest !== undefined,
    signedBy: latest?.row.signed_by ?? null,
    signedAt: latest?.row.signed_at ?? null,
    signoffs: latest?.count ?? 0,
    figures,
    changed: latest ? changedFigures(JSON.parse(latest.row.figures) as Record<string, unknown>, figures) : [],
  };
}

/**
 * Signs off `county`'s figures of `day` as `signer` (default: the signer's own county). The day
 * must be one the data reaches, with today's colours computed: a signature on figures about to
 * change would be a signature on nothing.
 */
export function signOffCounty(db: Db, signer: Signer, q: { day: Day; county?: string | null | undefined; at: number }): CountySignoffState {
  const county = q.county ?? signer.county;
  if (county === null) throw ApiFailure.because('forbidden', { code: 'signoff.cityWide', params: { county: '—' } });
  checkSigner(signer, county);
  const latest = latestDataDay(db);
  if (latest === null || q.day > latest)
    throw ApiFailure.because('bad_request', {
      code: 'signoff.noData',
      params: { day: formatDay(q.day), latest: latest === null ? '—' : formatDay(latest) },
    });
  if (!isColourStateFresh(db)) throw ApiFailure.because('busy', { code: 'signoff.recomputing' });
  return db.transaction(() => {
    const before = latestSignoffs(db, q.day).get(county);
    const figures = countySignoffFigures(db, q.day, county);
    const row = insertSignoff(db, { day: q.day, county, signedBy: signer.name, signedAt: q.at, figures });
    audit(db, {
      user: signer.name,
      action: 'signoff.county',
      target: county,
      details: { day: formatDay(q.day), county, signoff: row.id, ...(before ? { supersedes: before.row.id } : {}), figures },
      at: q.at,
    });
    return stateOf(db, q.day, county, { row, count: (before?.count ?? 0) + 1 });
  })();
}

/** The sign-off state of `day`: the seven counties for a city-wide account, `scope`'s own for a county's. */
export function signoffStatus(db: Db, day: Day, scope: string | null, signer?: Signer): SignoffStatus {
  // One read transaction: a sync committing meanwhile cannot make two counties' figures disagree.
  return db.transaction(() => {
    const latest = latestSignoffs(db, day);
    const counties = COUNTIES.filter((c) => scope === null || c.code === scope).map((c) => stateOf(db, day, c.code, latest.get(c.code)));
    return {
      day: formatDay(day),
      counties,
      unsigned: counties.filter((c) => !c.signed).map((c) => c.county),
      mayRecord: signer ? signableCounty(signer) : null,
    };
  })();
}
