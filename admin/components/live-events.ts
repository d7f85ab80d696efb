// The page's one event stream (GET /admin/events): the unread count for the bell, the rows other
// people changed, for the "changed, reload" bar, and import runs' progress, passed on to the import
// page as a window event (onImportProgress). EventSource reconnects by itself and sends the last event
// id it saw, so nothing is missed across a dropped connection.
import { useEffect, useState } from 'react';
import { adminRoot } from './admin-root.js';

export interface RowsEvent {
  model: string;
  ids: number[];
  many: boolean;
  by: number;
}

// Whether the stream is open now: the import page polls slowly only while it is not.
let streamOpen = false;

export function liveStreamOpen(): boolean {
  return streamOpen;
}

/** Calls `listener` with each import run status the stream brings; returns the unsubscribe. */
export function onImportProgress<Status>(listener: (status: Status) => void): () => void {
  const handler = (event: Event) => listener((event as CustomEvent<Status>).detail);
  window.addEventListener('cmms:import', handler);
  return () => window.removeEventListener('cmms:import', handler);
}

export function useLiveEvents(onRows: (event: RowsEvent | 'resync') => void): { unread: number | null; setUnread(n: number): void } {
  const [unread, setUnread] = useState<number | null>(null);
  useEffect(() => {
    let source: EventSource | null = null;
    let lastEventId = '';
    const open = () => {
      if (source) return;
      // A stream opened again (the tab shown again) resumes after the last event it saw, as a reconnect does.
      source = new EventSource(`${adminRoot()}/events${lastEventId ? `?lastEventId=${encodeURIComponent(lastEventId)}` : ''}`, { withCredentials: true });
      const seen = (event: Event) => {
        if ((event as MessageEvent).lastEventId) lastEventId = (event as MessageEvent).lastEventId;
      };
      source.addEventListener('unread', (event) => {
        setUnread((JSON.parse((event as MessageEvent<string>).data) as { unread: number }).unread);
        // The centre's page, if open, shows the new lines.
        window.dispatchEvent(new CustomEvent('cmms:notified'));
      });
      source.addEventListener('rows', (event) => {
        seen(event);
        onRows(JSON.parse((event as MessageEvent<string>).data) as RowsEvent);
      });
      source.addEventListener('import', (event) => {
        seen(event);
        window.dispatchEvent(new CustomEvent('cmms:import', { detail: JSON.parse((event as MessageEvent<string>).data) as unknown }));
      });
      source.addEventListener('open', () => (streamOpen = true));
      source.addEventListener('error', () => (streamOpen = false));
      source.addEventListener('message', seen);
      source.addEventListener('resync', () => onRows('resync'));
    };
    const close = () => {
      source?.close();
      source = null;
      streamOpen = false;
    };
    // A browser keeps six connections per host over HTTP/1.1: a hidden tab gives its stream back, so a
    // person with many tabs open never starves the visible one.
    const visibility = () => (document.visibilityState === 'hidden' ? close() : open());
    // Other components (the notification centre) announce a new count after marking read.
    const counted = (event: Event) => setUnread((event as CustomEvent<number>).detail);
    if (document.visibilityState !== 'hidden') open();
    document.addEventListener('visibilitychange', visibility);
    window.addEventListener('cmms:unread', counted);
    return () => {
      close();
      document.removeEventListener('visibilitychange', visibility);
      window.removeEventListener('cmms:unread', counted);
    };
    // The stream lives as long as the page; onRows reads the address when called.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return { unread, setUnread };
}

/** Tells the bell the new unread count (after marking read on the centre's page). */
export function announceUnread(count: number): void {
  window.dispatchEvent(new CustomEvent('cmms:unread', { detail: count }));
}

/** The model and record id (if a record page) of the page shown: /resources/WorkOrder/records/12/show. */
export function pageRecord(pathname = window.location.pathname): { model: string; id: number | null } | null {
  const match = /\/resources\/([^/]+)(?:\/records\/(\d+))?/.exec(pathname);
  return match ? { model: match[1]!, id: match[2] ? Number(match[2]) : null } : null;
}

/** Whether a change concerns the page shown: its list, or its record. */
export function concernsPage(event: RowsEvent, page: { model: string; id: number | null } | null): boolean {
  if (!page || page.model !== event.model) return false;
  return page.id === null || event.many || event.ids.includes(page.id);
}
