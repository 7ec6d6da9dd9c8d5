/**
 * Runs jobs one at a time, keeping only the newest waiting job: while one runs, a newer request
 * replaces any older waiting one, and a result older than one already delivered is dropped. This
 * is what keeps stale numbers from flickering back while someone types.
 */
export function latestOnly<J, R>(run: (job: J, id: number) => Promise<R>, deliver: (result: R, id: number) => void) {
  let nextId = 1;
  let delivered = 0;
  let busy = false;
  let waiting: { id: number; job: J } | null = null;

  const pump = async () => {
    if (busy || !waiting) return;
    const { id, job } = waiting;
    waiting = null;
    busy = true;
    try {
      const result = await run(job, id);
      if (id > delivered) {
        delivered = id;
        deliver(result, id);
      }
    } finally {
      busy = false;
      void pump();
    }
  };

  return {
    /** Queues a job and returns its id (ids grow with every request). */
    request(job: J): number {
      const id = nextId++;
      waiting = { id, job };
      void pump();
      return id;
    },
    /** The id of the newest request. */
    latest: () => nextId - 1,
  };
}
