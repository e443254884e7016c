/**
 * A stand-in for a sync in another process: takes the sync lock of the database named on the
 * command line, says "locked", and holds it until it is killed.
 */
import { openDatabase } from '../../electron/backend/db/database.ts';
import { acquireSyncLock } from '../../electron/backend/sync/sync-lock.ts';

const db = openDatabase(process.argv[2]!, { skipIntegrityCheck: true });
const release = acquireSyncLock(db);
process.stdout.write('locked\n');
// Held like a sync holds it: until the work ends, which here is never.
setInterval(() => release.length, 60_000);
