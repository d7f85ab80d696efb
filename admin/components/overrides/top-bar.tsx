// AdminJS's top bar, whose language menu now also stores the choice on the user's account; with the
// notification bell (unread count, live), the bar that says another person changed the page shown, and a
// box that opens "Buscar en documentos" with its words (issue 22).
import { Box, Button, Icon, Text } from '@adminjs/design-system';
import { useCurrentAdmin, useTranslation } from 'adminjs';
import React, { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { adminRoot, csrfHeader } from '../document-client.js';
import { concernsPage, pageRecord, useLiveEvents, type RowsEvent } from '../live-events.js';

type Props = { toggleSidebar(): void; OriginalComponent: React.ComponentType<{ toggleSidebar(): void }> };

const TopBar: React.FC<Props> = ({ OriginalComponent, ...props }) => {
  const { i18n, translateMessage } = useTranslation();
  const [currentAdmin] = useCurrentAdmin();
  const [changed, setChanged] = useState(false);
  const me = Number(currentAdmin?.id ?? 0);
  const meRef = useRef(me);
  meRef.current = me;
  useEffect(() => {
    const store = (language: string) => {
      document.documentElement.lang = language;
      void fetch(`${adminRoot()}/language`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', ...csrfHeader() },
        body: JSON.stringify({ language }),
      });
    };
    i18n.on('languageChanged', store);
    return () => i18n.off('languageChanged', store);
  }, [i18n]);
  // A change by someone else to what this page shows raises the bar; the page itself changes nothing.
  const onRows = (event: RowsEvent | 'resync') => {
    if (event === 'resync' ? pageRecord() !== null : event.by !== meRef.current && concernsPage(event, pageRecord())) setChanged(true);
  };
  const { unread } = useLiveEvents(onRows);
  // Moving to another page clears the bar (AdminJS changes pages without reloading).
  const { pathname } = useLocation();
  useEffect(() => setChanged(false), [pathname]);

  return (
    <>
      <Box flex flexDirection="row" alignItems="center">
        <Box flexGrow={1}>
          <OriginalComponent {...props} />
        </Box>
        <form
          role="search"
          data-testid="top-bar-search"
          onSubmit={(event) => {
            event.preventDefault();
            const words = new FormData(event.currentTarget).get('q')?.toString().trim();
            // A full load: the search page reads its words from the address when it opens.
            if (words) window.location.assign(`${adminRoot()}/resources/Document/actions/searchText?${new URLSearchParams({ q: words })}`);
          }}
          style={{ display: 'flex', alignItems: 'center', paddingLeft: 12 }}
        >
          <input
            type="search"
            name="q"
            maxLength={300}
            placeholder={translateMessage('topBarSearch')}
            aria-label={translateMessage('topBarSearch')}
            style={{ width: 220, height: 32, padding: '0 10px', border: '1px solid #c0c0ca', borderRadius: 4, font: 'inherit' }}
          />
        </form>
        <a
          href={`${adminRoot()}/pages/notifications`}
          data-testid="notification-bell"
          aria-label={translateMessage('notificationsBell', undefined, { count: unread ?? 0 })}
          title={translateMessage('notificationsBell', undefined, { count: unread ?? 0 })}
          style={{ position: 'relative', padding: '0 20px', color: 'inherit', display: 'flex', alignItems: 'center', height: 64 }}
        >
          <Icon icon="Bell" size={20} />
          {unread ? (
            <span data-testid="notification-count" style={{ position: 'absolute', top: 12, right: 8, background: '#c0392b', color: '#fff', borderRadius: 9, fontSize: 11, padding: '1px 6px', fontWeight: 700 }}>
              {unread > 99 ? '99+' : unread}
            </span>
          ) : null}
        </a>
      </Box>
      {changed ? (
        <Box data-testid="live-changed" flex alignItems="center" justifyContent="center" py="sm" style={{ background: '#fff4ce', borderBottom: '1px solid #e0c060', gap: 12 }}>
          <Text>{translateMessage('liveChanged')}</Text>
          <Button size="sm" variant="outlined" onClick={() => window.location.reload()}>
            {translateMessage('liveReload')}
          </Button>
        </Box>
      ) : null}
    </>
  );
};

export default TopBar;
