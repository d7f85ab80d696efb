// /admin/events read as a browser's EventSource would: every event kept with its id and arrival time,
// the last id seen (for Last-Event-ID), and a wait for an event that matches.
import type { HttpClient } from './http-client.js';

export interface StreamEvent {
  id?: string;
  event: string;
  data: Record<string, unknown>;
  at: number;
}

/** An open event stream read as a browser's EventSource would. */
export async function openEventStream(client: HttpClient, lastEventId?: string) {
  const controller = new AbortController();
  const response = await client.request('/admin/events', { signal: controller.signal, headers: lastEventId ? { 'last-event-id': lastEventId } : {} });
  const events: StreamEvent[] = [];
  let lastId: string | undefined;
  void (async () => {
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = Object.fromEntries(block.split('\n').filter((l) => !l.startsWith(':')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));
          if (fields.id) lastId = fields.id;
          if (fields.event) events.push({ id: fields.id, event: fields.event, data: JSON.parse(fields.data ?? '{}'), at: Date.now() });
        }
      }
    } catch {
      // aborted
    }
  })();
  const waitFor = async (what: string, match: (e: StreamEvent) => boolean, timeoutMs = 5_000) => {
    const started = Date.now();
    for (;;) {
      const found = events.find(match);
      if (found) return found;
      if (Date.now() - started > timeoutMs) throw new Error(`no ${what} within ${timeoutMs} ms; got ${JSON.stringify(events)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return { response, events, waitFor, lastId: () => lastId, close: () => controller.abort() };
}
