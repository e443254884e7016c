/**
 * A person's credit report (诚信记录报告): identity (masked unless the reader may see it), every
 * credit record with its status, and the cases behind them with their decisions and appeals. A
 * print-ready HTML page (A4, no scripts, no outside resources) that any browser prints or saves as PDF.
 */
import { countyName } from '../../../shared/domain/counties.ts';
import { formatInstant } from '../../../shared/domain/local-date.ts';
import { maskName, maskPersonId } from '../../../shared/domain/masking.ts';
import { BEHAVIOR_WORDS, CASE_STEP_WORDS, CREDIT_STATUS_WORDS, actorName, wordOf } from '../../../shared/words/domain-words.ts';
import type { Db } from '../db/database.ts';
import { caseHistory } from './cases.ts';
import { listCases } from './case-list.ts';
import { creditRecordsOf } from './credit-records.ts';
import { LEGAL_BASIS } from './legal-basis.ts';

const esc = (s: string | number | null | undefined) =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const time = (ms: number | null) => (ms === null ? '' : formatInstant(ms).replace('T', ' ').slice(0, 16));

// An official document says what the console's screens say: every word below comes from shared/words.
const zh = <K extends string>(words: Record<K, { zh: string; en: string }>, value: string) => wordOf(words, value, 'zh');

const RECORD_COLUMNS = ['记录编号', '行为', '决定时间', '决定内容', '状态', '决定人'];
/** A table's header row (the words are ours: no escaping needed). */
const headRow = (cells: readonly string[]) => `<thead><tr>${cells.map((c) => `<th>${c}</th>`).join('')}</tr></thead>`;

export interface CreditReportInput {
  personId: string;
  unmasked: boolean;
  generatedBy: string;
  generatedAt: number;
}

export function creditReportHtml(db: Db, r: CreditReportInput): { html: string; records: number } {
  const who = db.prepare('SELECT name, county_code FROM residents WHERE person_id = ?').get(r.personId) as
    { name: string | null; county_code: string | null } | undefined;
  const id = r.unmasked ? r.personId : maskPersonId(r.personId);
  const name = who?.name ? (r.unmasked ? who.name : maskName(who.name)) : '—';
  const records = creditRecordsOf(db, r.personId);
  const cases = listCases(db, { personId: r.personId }).rows.reverse();
  const recordRows = records
    .map((c) => {
      const status =
        c.status === 'effective'
          ? CREDIT_STATUS_WORDS.effective.zh
          : `${CREDIT_STATUS_WORDS.revoked.zh}（${esc(time(c.revoked_at))}：${esc(c.revoked_reason)}）`;
      return `<tr><td>${esc(c.number)}</td><td>${esc(zh(BEHAVIOR_WORDS, c.behavior))}</td><td>${esc(time(c.decided_at))}</td>
      <td>${esc(c.decision)}</td><td class="${c.status}">${status}</td><td>${esc(c.decided_by)}</td></tr>`;
    })
    .join('');
  const caseBlocks = cases
    .map((c) => {
      const steps = caseHistory(db, c.id)
        .map((h) => {
          const cells = [time(h.at), zh(CASE_STEP_WORDS, h.move), actorName(h.user_name, 'zh'), h.reason];
          return `<tr>${cells.map((v) => `<td>${esc(v)}</td>`).join('')}</tr>`;
        })
        .join('');
      return (
        `<h3>案件 ${c.id}：${esc(zh(BEHAVIOR_WORDS, c.behavior))}</h3>` +
        `<table>${headRow(['时间', '环节', '经办人', '理由'])}<tbody>${steps}</tbody></table>`
      );
    })
    .join('');
  const html = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>个人诚信记录报告</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>
@page { size: A4 portrait; margin: 18mm 16mm; }
body { font-family: 'Noto Serif CJK SC', 'SimSun', 'Songti SC', serif; font-size: 11pt; color: #000; }
h1 { text-align: center; font-size: 18pt; margin: 0 0 4mm; } h2 { font-size: 13pt; border-bottom: 1px solid #000; padding-bottom: 1mm; }
h3 { font-size: 11.5pt; margin: 4mm 0 1mm; } table { width: 100%; border-collapse: collapse; margin-bottom: 3mm; page-break-inside: auto; }
th, td { border: 1px solid #444; padding: 1.5mm 2mm; text-align: left; vertical-align: top; } th { background: #eee; }
tr { page-break-inside: avoid; } .revoked { color: #666; } .meta { text-align: center; color: #333; margin-bottom: 6mm; } .basis { font-size: 9.5pt; }
</style></head><body>
<h1>个人诚信记录报告</h1>
<div class="meta">滨州市新冠肺炎疫情处置工作领导小组（指挥部）· 生成时间 ${esc(time(r.generatedAt))} · 生成人 ${esc(r.generatedBy)}</div>
<h2>身份信息</h2>
<table><tr><th>姓名</th><td>${esc(name)}</td><th>身份证号</th><td>${esc(id)}</td></tr>
<tr><th>县（市、区）</th><td colspan="3">${esc(who?.county_code ? countyName(who.county_code) : '—')}</td></tr></table>
<h2>诚信记录（${records.length} 条）</h2>
${records.length ? `<table>${headRow(RECORD_COLUMNS)}<tbody>${recordRows}</tbody></table>` : '<p>无诚信记录。</p>'}
<p class="basis">依据：${esc(LEGAL_BASIS)}</p>
<h2>案件经过</h2>
${caseBlocks || '<p>无案件。</p>'}
</body></html>`;
  return { html, records: records.length };
}
