/**
 * The machine words of a person's page (reason sources and conditions, timeline details) as
 * sentences in the user's language. Pure: the translator is passed in, so tests use the tables.
 */
import type { Translate } from '../../../../shared/words/translate.ts';
import type { TimelineEvent } from '../../../../shared/contract/people.ts';
import { behaviorName } from '../../../../shared/domain/cases.ts';
import { countyName } from '../../../../shared/domain/counties.ts';
import { type MessageKey, zh } from '../../i18n/messages.ts';
import { regionName } from './regions.ts';

type Lang = 'zh' | 'en';

function messageKey(key: string): MessageKey | null {
  return Object.hasOwn(zh, key) ? (key as MessageKey) : null;
}

/** A word from a family of keys (`people.site.<kind>`…), or the raw word when unknown. */
function word(t: Translate<MessageKey>, family: string, value: string): string {
  const k = messageKey(`${family}.${value}`);
  return k ? t(k) : value.replaceAll('_', ' ');
}

export function conditionText(t: Translate<MessageKey>, source: string, condition: string): string {
  return word(t, `people.cond.${source}`, condition);
}

/** `declarations` / `key_area_visit` → "申报：14天内到过重点地区". */
export function reasonText(t: Translate<MessageKey>, source: string, condition: string): string {
  return t('people.reason', { source: word(t, 'people.source', source), condition: conditionText(t, source, condition) });
}

/** A declaration's flags arrive as field names (`keyAreaVisit`); reasons use the column names (`key_area_visit`). */
export function declarationCondition(flag: string): string {
  return flag.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);
}

function colorWord(t: Translate<MessageKey>, color: unknown): string {
  return typeof color === 'string' ? word(t, 'color', color) : '—';
}

/** Why a colour changed: the main reason, or the streak / the code's issue / a revocation. */
export function colourChangeText(t: Translate<MessageKey>, detail: TimelineEvent['detail']): string | null {
  const reason = typeof detail.reason === 'string' ? detail.reason : '';
  if (reason) {
    const [source = '', condition = ''] = reason.split(':');
    return reasonText(t, source, condition);
  }
  if (detail.to === 'green') return detail.from === 'none' ? t('people.change.issued') : t('people.change.streak');
  if (detail.to === 'none') return t('people.change.revoked');
  return null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** One record of the timeline as a sentence (the kind is shown beside it, so not repeated here). */
export function eventText(t: Translate<MessageKey>, lang: Lang, e: TimelineEvent): string {
  const d = e.detail;
  switch (e.kind) {
    case 'declaration': {
      const county = str(d.county);
      const flags = str(d.conditions)?.split(',').filter(Boolean) ?? [];
      const conditions =
        flags.length === 0
          ? t('people.tl.noConditions')
          : flags.map((f) => conditionText(t, 'declarations', declarationCondition(f))).join(t('people.listSeparator'));
      return county ? t('people.tl.declarationIn', { county: countyName(county, lang), conditions }) : conditions;
    }
    case 'checkin': {
      if (d.abnormal !== true) return t('people.tl.checkinNormal');
      const parts: string[] = [];
      if (typeof d.temperature === 'number') parts.push(t('people.tl.temperature', { t: d.temperature.toFixed(1) }));
      if (d.symptoms === true) parts.push(t('people.tl.symptoms'));
      return t('people.tl.checkinAbnormal', { details: parts.join(t('people.listSeparator')) || '—' });
    }
    case 'health':
      return t('people.tl.health', { status: word(t, 'people.health', String(d.status ?? '')) });
    case 'roaming':
      return t('people.tl.roaming', {
        region: regionName(String(d.region ?? ''), lang),
        from: String(d.from ?? '—'),
        to: String(d.to ?? '—'),
      });
    case 'travel':
      return t('people.tl.travel', { origin: regionName(String(d.origin ?? ''), lang) });
    case 'medical':
      return word(t, 'people.medical', String(d.kind ?? ''));
    case 'scan': {
      const site = str(d.site) ?? '—';
      const kind = str(d.siteKind);
      const where = kind ? t('people.tl.siteWithKind', { site, kind: word(t, 'people.site', kind) }) : site;
      const shown = str(d.shown)
        ? t('people.tl.shown', { color: word(t, 'people.shownColor', String(d.shown)) })
        : t('people.tl.shownUnknown');
      const action = str(d.action) ? word(t, 'people.action', String(d.action)) : null;
      return [where, shown, action].filter(Boolean).join(t('people.listSeparator'));
    }
    case 'colour': {
      const change = t('people.tl.colour', { from: colorWord(t, d.from), to: colorWord(t, d.to) });
      const why = colourChangeText(t, d);
      return why ? `${change}${t('people.tl.because', { reason: why })}` : change;
    }
    case 'case':
      return caseText(t, lang, d);
  }
}

/** A case's opening (with the state it had reached) or one of its moves, e.g. "案件 12：作出决定，赋红码（冒用他人）". */
export function caseText(t: Translate<MessageKey>, lang: Lang, d: TimelineEvent['detail']): string {
  const params = { case: String(d.case ?? '—'), behavior: behaviorName(String(d.behavior ?? ''), lang) };
  const event = String(d.event ?? '');
  if (event === 'opened') return t('people.tl.caseOpened', { ...params, state: word(t, 'enforcement.state', String(d.state ?? '')) });
  const move = messageKey(`people.tl.caseMove.${event}`);
  return t('people.tl.caseMoved', { ...params, move: move ? t(move) : event.replaceAll('_', ' ') });
}
