/**
 * Migration 6: the optional columns of EXCHANGE.md that ENTERPRISES.md uses. An enterprise's
 * approval date and DingTalk administrator, and the enterprise a site belongs to. Existing rows get
 * NULL: no file has told us these yet (absent is not empty).
 */
import type { Migration } from './migration.ts';

export const migration006: Migration = {
  version: 6,
  name: 'optional enterprise and site columns',
  sql: `
ALTER TABLE enterprises ADD COLUMN approved_on INTEGER;
ALTER TABLE enterprises ADD COLUMN admin_name TEXT;
ALTER TABLE enterprises ADD COLUMN admin_phone TEXT;
ALTER TABLE enterprises_history ADD COLUMN approved_on INTEGER;
ALTER TABLE enterprises_history ADD COLUMN admin_name TEXT;
ALTER TABLE enterprises_history ADD COLUMN admin_phone TEXT;
ALTER TABLE sites ADD COLUMN credit_code TEXT;
ALTER TABLE sites_history ADD COLUMN credit_code TEXT;
CREATE INDEX sites_credit_code ON sites (credit_code) WHERE credit_code IS NOT NULL;
`,
};
