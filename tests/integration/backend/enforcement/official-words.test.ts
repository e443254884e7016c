/** The official documents use the console's words (issue 13 §4): the credit report names the detectors as the case page does. */
import { describe, expect, test } from 'vitest';
import { creditReportHtml } from '../../../../electron/backend/enforcement/credit-report.ts';
import { actorName } from '../../../../shared/words/domain-words.ts';
import { openedByText } from '../../../../renderer/src/features/enforcement/enforcement-text.ts';
import { tZh } from '../../../support/translator.ts';
import { testConsole } from '../../../support/console.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();

describe('the credit report’s words', async () => {
  const c = await testConsole(tempDir(), { demo: { people: 600, days: 8 }, users: [{ name: 'cre', role: 'credit' }] });
  await c.ok('cre', 'cases.detect', {});
  const db = c.services.db;
  const detected = db.prepare("SELECT person_id FROM cases WHERE opened_by = 'detector' LIMIT 1").pluck().get() as string | undefined;

  test('a case the detectors opened shows the system in the console’s words, never the account name "detector"', () => {
    expect(detected).toBeDefined();
    const { html } = creditReportHtml(db, { personId: detected!, unmasked: false, generatedBy: 'cre', generatedAt: Date.now() });
    const handlers = [...html.matchAll(/<tr><td>[^<]*<\/td><td>立案<\/td><td>([^<]*)<\/td>/g)].map((m) => m[1]);
    expect(handlers.length).toBeGreaterThan(0);
    expect(new Set(handlers)).toEqual(new Set([openedByText(tZh, 'detector')]));
    expect(handlers[0]).toBe(actorName('detector', 'zh'));
    expect(html).not.toMatch(/<td>detector<\/td>/);
  });
});
