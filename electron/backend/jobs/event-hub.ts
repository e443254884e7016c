/** Pushes console events to every open window and browser (IPC sends, server-sent events). */
import type { ConsoleEvent } from '../../../shared/contract/api.ts';

export class EventHub {
  private readonly listeners = new Set<(e: ConsoleEvent) => void>();

  subscribe(listener: (e: ConsoleEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(event: ConsoleEvent): void {
    for (const l of this.listeners) {
      try {
        l(event);
      } catch {
        // A closed window or connection must not stop the others.
      }
    }
  }
}
