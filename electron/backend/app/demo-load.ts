/**
 * Where the first start's demo city lives: written once into the data folder as an exchange
 * directory, which then stays the console's sync source. The use case that loads it (sync,
 * evaluate, detect) is pipelines/load-demo-city.ts, run by the job worker.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeDemoCity } from '../demo/demo-city.ts';

export const DEMO_PEOPLE = 20_000;
export const DEMO_DAYS = 14;
export const DEMO_FOLDER = 'demo-exchange';

/** The demo city's exchange directory, written unless it is there: an interrupted load goes on with the same files. */
export async function demoExchange(dataDir: string, onWriting?: () => void): Promise<string> {
  const dir = join(dataDir, DEMO_FOLDER);
  if (!existsSync(dir) || readdirSync(dir).length === 0) {
    onWriting?.();
    await writeDemoCity({ out: dir, people: DEMO_PEOPLE, days: DEMO_DAYS, seed: 1, start: '2020-02-10' });
  }
  return dir;
}
