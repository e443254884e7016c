/**
 * Who hears which console event. A job's state names the exchange directory or the imported file
 * and counts each feed's rows: it is what `data.overview` shows, so it goes to the roles that may
 * call that method (a report writer may not). That data changed says nothing and goes to everyone.
 * A null role is a session that may act on nothing yet (it must first choose its own password).
 */
import { type ConsoleEvent, METHOD_ACCESS } from '../../../shared/contract/api.ts';
import { can, type Role } from '../../../shared/domain/roles.ts';

const JOB_ACCESS = METHOD_ACCESS['data.overview'];

export function eventVisibleTo(event: ConsoleEvent, role: Role | null): boolean {
  if (event.type !== 'job') return true;
  if (JOB_ACCESS === 'public') return true;
  return role !== null && (JOB_ACCESS === 'signed-in' || can(role, JOB_ACCESS));
}
