import { describe, expect, it } from 'vitest';
import { guardFileDrops } from '../../../../renderer/src/app/file-drop-guard.ts';

const fire = (target: EventTarget, type: string, init: { dataTransfer?: { dropEffect: string }; handled?: boolean } = {}) => {
  const e = new Event(type, { cancelable: true });
  if (init.dataTransfer) Object.defineProperty(e, 'dataTransfer', { value: init.dataTransfer });
  // A drop zone below has already taken the event.
  if (init.handled) e.preventDefault();
  target.dispatchEvent(e);
  return e;
};

describe('file drops outside a drop zone', () => {
  it('are stopped at the window, so it never opens the file', () => {
    const win = new EventTarget();
    const stop = guardFileDrops(win);
    expect(fire(win, 'drop').defaultPrevented).toBe(true);
    const over = { dropEffect: 'copy' };
    expect(fire(win, 'dragover', { dataTransfer: over }).defaultPrevented).toBe(true);
    expect(over.dropEffect).toBe('none');
    stop();
    expect(fire(win, 'drop').defaultPrevented).toBe(false);
  });

  it("leave a drop zone's own choice alone", () => {
    const win = new EventTarget();
    guardFileDrops(win);
    const over = { dropEffect: 'copy' };
    fire(win, 'dragover', { dataTransfer: over, handled: true });
    expect(over.dropEffect).toBe('copy');
  });
});
