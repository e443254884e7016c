import { migration001 } from './001-dynamic-database.ts';
import { migration002 } from './002-colour-history.ts';
import { migration003 } from './003-users-and-audit.ts';
import { migration004 } from './004-enforcement.ts';
import { migration005 } from './005-evidence-and-replace-guards.ts';
import { migration006 } from './006-optional-columns.ts';
import { migration007 } from './007-account-duties.ts';
import { migration008 } from './008-keyed-audit-chain.ts';
import { migration009 } from './009-query-plan-indexes.ts';
import { migration010 } from './010-enterprise-indexes.ts';
import { migration011 } from './011-exchange-database.ts';
import { migration012 } from './012-audit-screen-indexes.ts';
import { migration013 } from './013-user-language.ts';
import { migration014 } from './014-figure-lists.ts';
import { migration015 } from './015-case-queue-indexes.ts';
import { migration016 } from './016-key-area-versions.ts';
import { migration017 } from './017-county-signoffs.ts';
import type { Migration } from './migration.ts';

/** All migrations in order; append only. */
export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
  migration013,
  migration014,
  migration015,
  migration016,
  migration017,
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
