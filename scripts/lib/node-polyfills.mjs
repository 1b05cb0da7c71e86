// Imported by both Vitest configs (they load in Vitest's main process). Vitest 5 targets Node 22 and its
// reporter calls Map.groupBy (Node 21+) when it prints failures; on Node 20 that crashed the report.
if (typeof Map.groupBy !== 'function') {
  Object.defineProperty(Map, 'groupBy', {
    configurable: true,
    writable: true,
    value(items, key) {
      const map = new Map();
      let i = 0;
      for (const item of items) {
        const k = key(item, i++);
        const list = map.get(k);
        if (list) list.push(item);
        else map.set(k, [item]);
      }
      return map;
    },
  });
}
if (typeof Object.groupBy !== 'function') {
  Object.defineProperty(Object, 'groupBy', {
    configurable: true,
    writable: true,
    value(items, key) {
      const out = Object.create(null);
      let i = 0;
      for (const item of items) {
        const k = key(item, i++);
        (out[k] ??= []).push(item);
      }
      return out;
    },
  });
}
