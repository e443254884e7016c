/** The case queue's logic: what it asks for, what it says about a search, ages, summaries, bulk moves. */
import { describe, expect, it } from 'vitest';
import type { SummaryClause } from '../../../../../shared/words/evidence-words.ts';
import {
  NO_FILTER,
  ageDays,
  bulkMovesFor,
  cannotMove,
  caseSummaryText,
  casesListParams,
  exportFileName,
  isFiltered,
  likelyBulkMove,
  queueParams,
  searchHint,
  sentSearch,
  startFilter,
  toggleState,
} from '../../../../../renderer/src/features/enforcement/queue-state.ts';

describe('the queue’s parameters', () => {
  it('asks cases.list only for the filters set', () => {
    expect(casesListParams(NO_FILTER, 0)).toEqual({ offset: 0, limit: 50 });
    expect(casesListParams({ state: 'decided', behavior: 'other', county: '371623', search: ' 张三 ', sort: 'oldest' }, 100, 20)).toEqual({
      state: 'decided',
      behavior: 'other',
      county: '371623',
      search: '张三',
      sort: 'oldest',
      offset: 100,
      limit: 20,
    });
  });

  it('sends a search from two characters on, trimmed', () => {
    expect(sentSearch(' 张 ')).toBeUndefined();
    expect(sentSearch('')).toBeUndefined();
    expect(sentSearch(' #7 ')).toBe('#7');
    expect(queueParams({ ...NO_FILTER, search: 'x' })).toEqual({});
  });

  it('a count chip filters by its state, and clicked again shows every state', () => {
    const f = toggleState({ ...NO_FILTER, behavior: 'screenshot' }, 'suspected');
    expect(f).toMatchObject({ state: 'suspected', behavior: 'screenshot' });
    expect(toggleState(f, 'suspected')).toMatchObject({ state: null, behavior: 'screenshot' });
    expect(toggleState(f, 'closed').state).toBe('closed');
    expect(toggleState(f, null).state).toBeNull();
  });

  it('a county account starts on its county, which is no filter it could clear', () => {
    expect(startFilter('371623')).toEqual({ ...NO_FILTER, county: '371623' });
    expect(isFiltered(startFilter('371623'), '371623')).toBe(false);
    expect(isFiltered({ ...NO_FILTER, county: '371623' }, null)).toBe(true);
    expect(isFiltered({ ...NO_FILTER, sort: 'oldest' }, null)).toBe(false);
    expect(isFiltered({ ...NO_FILTER, search: '张三' }, null)).toBe(true);
  });

  it('says why part of an ID number found nothing', () => {
    expect(searchHint('id_incomplete')).toBe('enforcement.search.idIncomplete');
    expect(searchHint('name')).toBeNull();
    expect(searchHint(null)).toBeNull();
  });

  it('names the export by the console’s day', () => {
    expect(exportFileName(Date.parse('2020-02-20T23:30:00+08:00'))).toBe('案件队列-2020-02-20.xlsx');
    expect(exportFileName(null)).toBe('案件队列.xlsx');
  });
});

describe('ages and summaries', () => {
  it('counts whole days since the case opened', () => {
    const opened = Date.parse('2020-02-10T09:00:00+08:00');
    expect(ageDays(opened + 3_600_000, opened)).toBe(0);
    expect(ageDays(opened + 3 * 86_400_000 + 1, opened)).toBe(3);
    expect(ageDays(opened - 1000, opened)).toBe(0);
  });

  it('says a detector’s summary in the reader’s language and an officer’s report as written', () => {
    const at = Date.parse('2020-02-12T08:30:00+08:00');
    const clauses: SummaryClause[] = [
      {
        kind: 'code_age',
        scannedAt: at,
        site: { id: 'S1', name: null },
        issuedAt: at - 301_000,
        ageMs: 301_000,
        validityMinutes: 5,
      },
    ];
    const c = {
      summary: '2020-02-12 08:30在场所S1扫码时出示的健康码生成于2020-02-12 08:24，已过5分1秒，超过5分钟有效期',
      summaryClauses: clauses,
    };
    expect(caseSummaryText(c, 'zh')).toBe(c.summary);
    expect(caseSummaryText(c, 'en')).toBe(
      'At 2020-02-12 08:30 at site S1 the code shown had been issued at 2020-02-12 08:24, 5 min 1 s before: beyond its 5-minute validity',
    );
    expect(caseSummaryText({ summary: '群众举报', summaryClauses: null }, 'en')).toBe('群众举报');
  });
});

describe('bulk moves', () => {
  it('offers the bulk moves some selected case allows, the one most allow first', () => {
    expect(bulkMovesFor(['suspected', 'under_review'], 'credit')).toEqual(['review', 'dismiss']);
    expect(likelyBulkMove(['suspected', 'suspected', 'under_review'], 'credit')).toBe('review');
    expect(likelyBulkMove(['under_review', 'decided', 'decided'], 'credit')).toBe('close');
    // A decision, an appeal and its outcome are never bulk moves; an officer has none at all.
    expect(bulkMovesFor(['appealed'], 'credit')).toEqual([]);
    expect(likelyBulkMove(['suspected'], 'officer')).toBeNull();
  });

  it('names the selected cases a move would leave where they are, with why', () => {
    const skipped = cannotMove(
      [
        { id: 1, state: 'suspected' },
        { id: 2, state: 'decided' },
      ],
      'review',
      'credit',
    );
    expect(skipped.map((s) => s.c.id)).toEqual([2]);
    expect(skipped[0]!.why.zh).toContain('已决定');
  });
});
