// The layers as a table (VS Code's way, at this project's size): every folder of electron/, db/ and renderer/ has a
// floor, and an import may only go down to a lower floor — runtime and type imports alike — except the few type-only
// arrows listed with their reason. A new folder, a new arrow that runs back up or a new circle fails here first.
// Anyone can run it: `npx vitest run test/unit/layers.test.ts`.
import { describe, expect, it } from 'vitest';
import { importGraph, runtimeCircles, sourceFiles, type ImportEdge } from '../import-graph.js';
import { LAYERS, TYPE_ONLY_UPWARD, roomOf } from '../layers.js';

const edges = importGraph(['electron', 'db', 'renderer/src']);
const between = edges.map((e) => ({ ...e, a: roomOf(e.from), b: roomOf(e.to) })).filter((e) => e.a !== e.b);
const describeEdge = (e: ImportEdge) => `${e.from} → ${e.to}${e.typeOnly ? ' (type)' : ''}`;

describe('layers', () => {
  it('every folder has a floor in the table', () => {
    const rooms = new Set(['electron', 'db', 'renderer/src'].flatMap(sourceFiles).map(roomOf));
    expect([...rooms].filter((r) => !(r in LAYERS))).toEqual([]);
  });

  it('imports only go down the table (type-only exceptions listed with their reason)', () => {
    const offenders = between.filter((e) => {
      const down = LAYERS[e.a]! > LAYERS[e.b]!;
      return !down && !(e.typeOnly && TYPE_ONLY_UPWARD.some(([from, to]) => from === e.a && to === e.b));
    });
    expect(offenders.map(describeEdge)).toEqual([]);
  });

  it('the renderer reaches the back end only through electron/api', () => {
    const offenders = between.filter((e) => e.a === 'renderer' && e.b !== 'api');
    expect(offenders.map(describeEdge)).toEqual([]);
  });

  it('the ground floor and replication import nothing of ours above them (model: only the contract)', () => {
    const offenders = between.filter(
      (e) => (e.a === 'services/model' && e.b !== 'api') || (e.a === 'services/replication' && !['api', 'db', 'services/model'].includes(e.b)),
    );
    expect(offenders.map(describeEdge)).toEqual([]);
  });

  it('no circle among runtime imports', () => {
    expect(runtimeCircles(edges)).toEqual([]);
  });

  it('no circle at all, type imports included, below the method descriptors', () => {
    // The Api's types are derived from the descriptors (api → methods, type only); beneath that floor there is no
    // loop of any kind.
    const below = edges.filter((e) => LAYERS[roomOf(e.from)]! < LAYERS['services/methods']! && LAYERS[roomOf(e.to)]! < LAYERS['services/methods']! && roomOf(e.from) !== 'api');
    expect(runtimeCircles(below.map((e) => ({ ...e, typeOnly: false })))).toEqual([]);
  });

  it('the check itself sees an arrow back up and a circle', () => {
    // A test that cannot fail is a defect: a made-up arrow from the ground floor to the core must be caught.
    const up = { from: 'electron/services/model/x.ts', to: 'electron/services/core.ts', typeOnly: false };
    expect(LAYERS[roomOf(up.from)]! > LAYERS[roomOf(up.to)]!).toBe(false);
    const loop: ImportEdge[] = [
      { from: 'a.ts', to: 'b.ts', typeOnly: false },
      { from: 'b.ts', to: 'a.ts', typeOnly: false },
    ];
    expect(runtimeCircles(loop)).toEqual([['a.ts', 'b.ts']]);
    expect(runtimeCircles([{ ...loop[0]!, typeOnly: true }, loop[1]!])).toEqual([]);
  });
});
