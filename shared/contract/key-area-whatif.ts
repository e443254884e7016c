/**
 * What the key-area what-if answers (keyAreas.whatif, `hcc keyareas whatif --json`) and the
 * published versions of key areas (keyAreas.versions, `hcc keyareas versions --json`).
 */
import type { IsoDay } from './dashboard.ts';

export type KeyAreaChangeKind = 'add' | 'end' | 'backdate' | 'change';

export interface WhatIfCounty {
  /** A Binzhou county code, '' for people with no known county, 'total' for the total row. */
  county: string;
  /** People whose colour today would differ. */
  changedToday: number;
  toRed: number;
  toYellow: number;
  toGreen: number;
  /** By "from>to" colour (green>red, red>green, none>red ...). */
  transitions: Record<string, number>;
  /** People whose colour would differ on at least one day from periodFrom through today. */
  changedInPeriod: number;
  /** New false_declaration suspicions: declarations made after the publish time only (publish-date rule). */
  newSuspicions: number;
  /** Declarations made before the publish time that the backdated start would accuse without the publish-date rule. */
  spared: number;
}

export interface KeyAreaWhatIf {
  kind: KeyAreaChangeKind;
  regionCode: string;
  name: string | null;
  effectiveFrom: IsoDay;
  effectiveTo: IsoDay | null;
  previousFrom: IsoDay | null;
  previousTo: IsoDay | null;
  today: IsoDay;
  periodFrom: IsoDay;
  /** The instant the change would be published (database clock). */
  publishedAt: number;
  /** People with a roaming or travel record in the region: the only ones the change can touch. */
  examined: number;
  /** The seven counties in their order, then '' when someone's county is unknown. */
  counties: WhatIfCounty[];
  total: WhatIfCounty;
  ms: number;
}

export interface KeyAreaVersionRow {
  regionCode: string;
  name: string | null;
  effectiveFrom: IsoDay;
  effectiveTo: IsoDay | null;
  kind: KeyAreaChangeKind;
  previousFrom: IsoDay | null;
  publishedAt: number;
  /** A user name, or 'feed:<file>' for a version received in the key_areas feed. */
  publishedBy: string;
  reason: string | null;
}
