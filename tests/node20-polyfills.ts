// Vitest 5's reporter calls Map.groupBy / Object.groupBy (Node 21+) when it prints failures; on Node 20
// it would crash instead of showing the failing assertion. Loaded by the Vitest configs.
const mapCtor = Map as unknown as { groupBy?: unknown };
if (typeof mapCtor.groupBy !== 'function') {
  mapCtor.groupBy = <K, V>(items: Iterable<V>, key: (item: V, index: number) => K) => {
    const out = new Map<K, V[]>();
    let i = 0;
    for (const item of items) {
      const k = key(item, i++);
      const list = out.get(k);
      if (list) list.push(item);
      else out.set(k, [item]);
    }
    return out;
  };
}
const objectCtor = Object as unknown as { groupBy?: unknown };
if (typeof objectCtor.groupBy !== 'function') {
  objectCtor.groupBy = <V>(items: Iterable<V>, key: (item: V, index: number) => PropertyKey) => {
    const out: Record<PropertyKey, V[]> = Object.create(null);
    let i = 0;
    for (const item of items) (out[key(item, i++)] ??= []).push(item);
    return out;
  };
}
export {};
