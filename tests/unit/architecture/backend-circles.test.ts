// The backend's folders form layers, not a web: no two folders import each other, directly or
// round a circle, and no file circles back to itself. A circle means neither side can be read,
// tested or moved without the other; the fix is to move the function or type that closes it to
// the folder it belongs to (usually the lower one: see README, Layout).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { circles, importEdges } from '../../support/import-graph.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const BACKEND = 'electron/backend/';

/**
 * Folder edges that still close a circle and are waiting for their move, as 'from -> to'. This
 * list only shrinks: an entry whose edge is gone fails the last test until it is deleted.
 */
const KNOWN_CIRCLE_EDGES: readonly string[] = [];

const edges = importEdges(ROOT, 'electron/backend').filter((e) => e.to.startsWith(BACKEND));
const folderOf = (path: string) => {
  const parts = path.slice(BACKEND.length).split('/');
  return parts.length > 1 ? parts[0]! : '(backend root)';
};

/** Folder -> folder -> the file imports that make the edge. */
function folderGraph(): Map<string, Map<string, string[]>> {
  const graph = new Map<string, Map<string, string[]>>();
  for (const { from, to } of edges) {
    const a = folderOf(from);
    const b = folderOf(to);
    if (a === b || KNOWN_CIRCLE_EDGES.includes(`${a} -> ${b}`)) continue;
    if (!graph.has(a)) graph.set(a, new Map());
    const targets = graph.get(a)!;
    targets.set(b, [...(targets.get(b) ?? []), `${from.slice(BACKEND.length)} imports ${to.slice(BACKEND.length)}`]);
  }
  return graph;
}

describe('backend folders import one way (electron/backend/*)', () => {
  it('no two folders import each other, directly or round a circle', () => {
    const graph = folderGraph();
    const found = circles(graph.keys(), (f) => graph.get(f)?.keys() ?? []).map((circle) => {
      const inside = circle.flatMap((a) =>
        [...(graph.get(a) ?? [])]
          .filter(([b]) => circle.includes(b))
          .flatMap(([b, why]) => [`${a} -> ${b}:`, ...why.map((w) => `    ${w}`)]),
      );
      return `circle of ${circle.join(', ')}:\n  ${inside.join('\n  ')}`;
    });
    expect(found, `move the function or type that closes each circle to the folder it belongs to:\n${found.join('\n')}\n`).toEqual([]);
  });

  it('no backend file imports itself round a circle', () => {
    const next = new Map<string, string[]>();
    for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to]);
    expect(circles(next.keys(), (f) => next.get(f) ?? [])).toEqual([]);
  });

  it('the list of known circle edges only shrinks', () => {
    const present = new Set(edges.map(({ from, to }) => `${folderOf(from)} -> ${folderOf(to)}`));
    const gone = KNOWN_CIRCLE_EDGES.filter((e) => !present.has(e));
    expect(gone, 'these edges are gone: delete them from KNOWN_CIRCLE_EDGES').toEqual([]);
  });

  it('finds a planted circle (the check itself works)', () => {
    expect(circles(['a', 'b', 'c', 'd'], (n) => ({ a: ['b'], b: ['c'], c: ['a'], d: ['a'] })[n] ?? [])).toEqual([['a', 'b', 'c']]);
    expect(circles(['a', 'b'], (n) => ({ a: ['b'], b: ['a'] })[n] ?? [])).toEqual([['a', 'b']]);
    expect(circles(['a', 'b'], (n) => ({ a: ['b'] })[n] ?? [])).toEqual([]);
  });
});
