import { world } from './world.ts';

export default async function globalTeardown(): Promise<void> {
  try {
    process.kill(world().pid, 'SIGTERM');
  } catch {
    // already gone
  }
}
