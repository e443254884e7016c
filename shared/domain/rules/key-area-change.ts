/**
 * A proposed change of the key-area list, as the Settings dialog and `hcc keyareas` state it: the
 * area as it should be after the change, and, for an area already listed, the start it had. Pure:
 * the what-if and the save both resolve a proposal with it, so they agree on what the change is.
 *
 * Kinds (key_area_versions.kind): a new area is an `add`; an area that gets an end date (or an
 * earlier one) is an `end`; an area whose start moves earlier is a `backdate`; anything else
 * (a new name, a later start, a later or no end) is a `change`.
 */
import type { Day } from '../local-date.ts';
import type { KeyArea } from './records.ts';

export type KeyAreaChangeKind = 'add' | 'end' | 'backdate' | 'change';

export interface NamedArea extends KeyArea {
  name: string | null;
}

export interface KeyAreaProposal {
  regionCode: string;
  name: string | null;
  effectiveFrom: Day;
  effectiveTo: Day | null;
  /** The start of the listed area this changes (its key); null for a new area. */
  previousFrom: Day | null;
}

export interface ResolvedChange {
  kind: KeyAreaChangeKind;
  /** The listed area it replaces, if any. */
  replaced: NamedArea | null;
  /** The area after the change. */
  area: NamedArea;
  /** The list after the change. */
  after: NamedArea[];
  /** The first day on which the areas in force differ (colours can change from then on). */
  firstDay: Day;
}

export function resolveProposal(current: readonly NamedArea[], p: KeyAreaProposal): ResolvedChange {
  const key = p.previousFrom ?? p.effectiveFrom;
  const replaced = current.find((a) => a.regionCode === p.regionCode && a.effectiveFrom === key) ?? null;
  const area: NamedArea = { regionCode: p.regionCode, name: p.name, effectiveFrom: p.effectiveFrom, effectiveTo: p.effectiveTo };
  const after = [...current.filter((a) => a !== replaced), area];
  return { kind: kindOf(replaced, area), replaced, area, after, firstDay: firstDifferentDay(replaced, area) };
}

function kindOf(old: NamedArea | null, next: NamedArea): KeyAreaChangeKind {
  if (!old) return 'add';
  if (next.effectiveFrom < old.effectiveFrom) return 'backdate';
  const ends = (a: KeyArea) => a.effectiveTo ?? Number.POSITIVE_INFINITY;
  if (next.effectiveFrom === old.effectiveFrom && ends(next) < ends(old)) return 'end';
  return 'change';
}

/** The first day covered by one version and not the other (the new one's start for an add). */
function firstDifferentDay(old: NamedArea | null, next: NamedArea): Day {
  if (!old) return next.effectiveFrom;
  if (old.effectiveFrom !== next.effectiveFrom) return Math.min(old.effectiveFrom, next.effectiveFrom);
  const oldEnd = old.effectiveTo ?? Number.POSITIVE_INFINITY;
  const newEnd = next.effectiveTo ?? Number.POSITIVE_INFINITY;
  // Same period (a new name): nothing in force changes; the start is as good a day as any.
  return oldEnd === newEnd ? next.effectiveFrom : Math.min(oldEnd, newEnd) + 1;
}
