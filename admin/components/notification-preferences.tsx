// Notification preferences (a page: /admin/pages/notificationPreferences): per kind and outside channel,
// on or off (his groups' defaults until he chooses), his Telegram chat; a channel the server has not
// configured is shown off and says so.
import { Box, Button, H2, Input, Label, MessageBox, Text } from '@adminjs/design-system';
import { useTranslation } from 'adminjs';
import React, { useEffect, useState } from 'react';
import { adminRoot, csrfHeader, readJson } from './document-client.js';

const CHANNELS = ['email', 'telegram', 'webhook'] as const;
type Channel = (typeof CHANNELS)[number];

interface Preferences {
  telegramChatId: string;
  configured: Record<Channel, boolean>;
  kinds: { kind: string; label: string; channels: Record<Channel, boolean> }[];
}

const NotificationPreferences: React.FC = () => {
  const { translateMessage } = useTranslation();
  const [preferences, setPreferences] = useState<Preferences | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);

  useEffect(() => {
    void fetch(`${adminRoot()}/notifications/preferences`, { credentials: 'same-origin' }).then(async (response) => {
      if (response.ok) setPreferences(await readJson<Preferences>(response));
    });
  }, []);
  if (!preferences) return null;

  const toggle = (kind: string, channel: Channel) =>
    setPreferences({ ...preferences, kinds: preferences.kinds.map((k) => (k.kind === kind ? { ...k, channels: { ...k.channels, [channel]: !k.channels[channel] } } : k)) });
  const save = async () => {
    const choices = preferences.kinds.flatMap((k) => CHANNELS.map((channel) => ({ kind: k.kind, channel, enabled: k.channels[channel] })));
    const response = await fetch(`${adminRoot()}/notifications/preferences`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', ...csrfHeader() },
      body: JSON.stringify({ telegramChatId: preferences.telegramChatId, choices }),
    });
    const answer = await readJson<{ message: string }>(response);
    setOutcome({ ok: response.ok, message: response.ok ? translateMessage('notificationPreferencesSaved') : (answer.message ?? String(response.status)) });
  };

  return (
    <Box variant="container" p="xl" data-testid="notification-preferences">
      <H2>{translateMessage('notificationPreferencesTitle')}</H2>
      <Text mb="lg">{translateMessage('notificationPreferencesIntro')}</Text>
      <table style={{ borderCollapse: 'collapse', width: '100%', marginBottom: 24 }}>
        <thead>
          <tr>
            <th style={{ textAlign: 'left', padding: 8 }}>{translateMessage('notificationPreferencesKind')}</th>
            {CHANNELS.map((channel) => (
              <th key={channel} style={{ padding: 8 }} title={preferences.configured[channel] ? undefined : translateMessage('notificationChannelOff')}>
                {translateMessage(`notificationChannel_${channel}`)}
                {preferences.configured[channel] ? null : <Text variant="sm" color="grey60">{translateMessage('notificationChannelOff')}</Text>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preferences.kinds.map((kind) => (
            <tr key={kind.kind} style={{ borderTop: '1px solid #eee' }}>
              <td style={{ padding: 8 }}>{kind.label}</td>
              {CHANNELS.map((channel) => (
                <td key={channel} style={{ textAlign: 'center', padding: 8 }}>
                  <input
                    type="checkbox"
                    aria-label={`${kind.label}: ${translateMessage(`notificationChannel_${channel}`)}`}
                    checked={preferences.configured[channel] && kind.channels[channel]}
                    disabled={!preferences.configured[channel]}
                    onChange={() => toggle(kind.kind, channel)}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <Box mb="lg" style={{ maxWidth: 360 }}>
        <Label htmlFor="telegramChatId">{translateMessage('notificationTelegramChat')}</Label>
        <Input id="telegramChatId" value={preferences.telegramChatId} inputMode="numeric" onChange={(e: React.ChangeEvent<HTMLInputElement>) => setPreferences({ ...preferences, telegramChatId: e.target.value })} />
        <Text variant="sm" color="grey60">{translateMessage('notificationTelegramChatHelp')}</Text>
      </Box>
      {outcome ? <MessageBox mb="lg" variant={outcome.ok ? 'success' : 'danger'} message={outcome.message} /> : null}
      <Button variant="contained" onClick={() => void save()} data-testid="save-preferences">
        {translateMessage('notificationPreferencesSave')}
      </Button>
    </Box>
  );
};

export default NotificationPreferences;
