// The notification centre (a page: /admin/pages/notifications): the person's notifications, newest
// first, each opening its record by its title; mark one or all read. The bell follows at once.
import { Box, Button, H2, Text } from '@adminjs/design-system';
import { useTranslation } from 'adminjs';
import React, { useEffect, useState } from 'react';
import { adminRoot, csrfHeader, readJson } from './document-client.js';
import { announceUnread } from './live-events.js';
import { formatDate } from './plant-format.js';

interface Line {
  id: number;
  text: string;
  title: string | null;
  model: string | null;
  recordId: number | null;
  read: boolean;
  createdAt: string;
}

const post = (path: string) => fetch(`${adminRoot()}${path}`, { method: 'POST', credentials: 'same-origin', headers: csrfHeader() });

const NotificationCentre: React.FC = () => {
  const { translateMessage, i18n } = useTranslation();
  const [lines, setLines] = useState<Line[] | null>(null);
  const [more, setMore] = useState(false);

  const load = async (before?: number) => {
    const response = await fetch(`${adminRoot()}/notifications${before ? `?before=${before}` : ''}`, { credentials: 'same-origin' });
    const answer = await readJson<{ lines: Line[]; unread: number }>(response);
    if (!response.ok) return;
    setLines((shown) => (before ? [...(shown ?? []), ...answer.lines] : answer.lines));
    setMore(answer.lines.length === 50);
    announceUnread(answer.unread);
  };
  useEffect(() => {
    void load();
    // New notifications while the page is open: the list follows the bell.
    const reload = () => void load();
    window.addEventListener('cmms:notified', reload);
    return () => window.removeEventListener('cmms:notified', reload);
  }, []);

  const markRead = async (line: Line) => {
    if (line.read) return;
    const response = await post(`/notifications/${line.id}/read`);
    if (!response.ok) return;
    setLines((shown) => shown?.map((l) => (l.id === line.id ? { ...l, read: true } : l)) ?? null);
    announceUnread((await readJson<{ unread: number }>(response)).unread);
  };
  const markAll = async () => {
    const response = await post('/notifications/read-all');
    if (!response.ok) return;
    setLines((shown) => shown?.map((l) => ({ ...l, read: true })) ?? null);
    announceUnread((await readJson<{ unread: number }>(response)).unread);
  };

  return (
    <Box variant="container" p="xl" data-testid="notification-centre">
      <Box flex justifyContent="space-between" alignItems="center" mb="lg" style={{ flexWrap: 'wrap', gap: 12 }}>
        <H2 mb="0">{translateMessage('notificationsTitle')}</H2>
        <Box flex style={{ gap: 12 }}>
          <a href={`${adminRoot()}/pages/notificationPreferences`}>{translateMessage('notificationsPreferences')}</a>
          <Button size="sm" onClick={() => void markAll()} disabled={!lines?.some((l) => !l.read)} data-testid="mark-all-read">
            {translateMessage('notificationsMarkAll')}
          </Button>
        </Box>
      </Box>
      {lines && lines.length === 0 ? <Text>{translateMessage('notificationsEmpty')}</Text> : null}
      {(lines ?? []).map((line) => {
        const href = line.model && line.recordId ? `${adminRoot()}/resources/${line.model}/records/${line.recordId}/show` : null;
        const [before, after] = line.title && line.text.includes(line.title) ? line.text.split(line.title, 2) : [line.text, ''];
        return (
          <Box key={line.id} py="default" style={{ borderBottom: '1px solid #eee', display: 'flex', gap: 12, alignItems: 'baseline', fontWeight: line.read ? 400 : 600 }} data-testid="notification-line">
            <Box flexGrow={1}>
              <Text>
                {before}
                {href && line.title ? (
                  <a href={href} onClick={() => void markRead(line)}>
                    {line.title}
                  </a>
                ) : (
                  line.title && line.text.includes(line.title) && line.title
                )}
                {after}
              </Text>
              <Text variant="sm" color="grey60">
                {formatDate(line.createdAt, 'datetime', i18n.language)}
                {line.read ? '' : ` · ${translateMessage('notificationsUnread')}`}
              </Text>
            </Box>
            {line.read ? null : (
              <Button size="sm" variant="text" onClick={() => void markRead(line)}>
                {translateMessage('notificationsMarkRead')}
              </Button>
            )}
          </Box>
        );
      })}
      {more ? (
        <Button mt="lg" variant="outlined" onClick={() => void load(lines?.[lines.length - 1]?.id)}>
          {translateMessage('notificationsMore')}
        </Button>
      ) : null}
    </Box>
  );
};

export default NotificationCentre;
