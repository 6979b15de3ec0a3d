// Runs an async iterable ahead of its consumer, up to `max` items: while the consumer waits on the database,
// the event loop keeps reading and parsing the file, so both sides work at once. An error of the source is
// raised only after the items produced before it have been consumed.

export async function* readAhead<T>(source: AsyncIterable<T>, max: number): AsyncGenerator<T> {
  const buffer: T[] = [];
  let done = false;
  let stopped = false;
  let failure: { error: unknown } | undefined;
  let wakeConsumer: (() => void) | undefined;
  let wakeProducer: (() => void) | undefined;

  const pump = (async () => {
    try {
      for await (const item of source) {
        buffer.push(item);
        wakeConsumer?.();
        while (buffer.length >= max && !stopped) await new Promise<void>((r) => (wakeProducer = r));
        if (stopped) break;
      }
    } catch (error) {
      failure = { error };
    } finally {
      done = true;
      wakeConsumer?.();
    }
  })();

  try {
    for (;;) {
      if (buffer.length > 0) {
        const item = buffer.shift()!;
        wakeProducer?.();
        yield item;
        continue;
      }
      if (done) {
        if (failure) throw failure.error;
        return;
      }
      await new Promise<void>((r) => (wakeConsumer = r));
      wakeConsumer = undefined;
    }
  } finally {
    stopped = true;
    wakeProducer?.();
    await pump;
  }
}
