/**
 * Lets the page handle input, timers and paint, then continues: long work (indexing, checking an import,
 * building an export) runs in chunks with this between them. The pause must be cheap: a message to self, not
 * setTimeout, which browsers stretch to 4 ms after a few nested calls. (Not scheduler.yield either: its
 * continuations run ahead of timers, and the page's own timer-driven work would wait for the whole job.)
 */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
