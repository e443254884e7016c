/**
 * A file dragged onto the window outside a drop zone must not be opened by the window: Chromium
 * (and so Electron) would navigate to it, leaving the console for a local page. Drop zones handle
 * their own events first (and call preventDefault); everything that reaches the window is stopped
 * here, and a drag over anywhere else shows the "no drop" cursor.
 */
import { useEffect } from 'react';

export function guardFileDrops(target: EventTarget): () => void {
  const onDragOver = (e: Event) => {
    if (!e.defaultPrevented) {
      const dt = (e as DragEvent).dataTransfer;
      if (dt) dt.dropEffect = 'none';
    }
    e.preventDefault();
  };
  const onDrop = (e: Event) => e.preventDefault();
  target.addEventListener('dragover', onDragOver);
  target.addEventListener('drop', onDrop);
  return () => {
    target.removeEventListener('dragover', onDragOver);
    target.removeEventListener('drop', onDrop);
  };
}

/** For the app's root: on every screen, signed in or not. */
export function useFileDropGuard(): void {
  useEffect(() => guardFileDrops(window), []);
}
