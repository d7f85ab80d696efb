// The notification centre, its preferences and the live pages (issue 18).
export const notificationMessagesEN = {
  notificationsTitle: 'Notifications',
  notificationsBell: 'Unread notifications: {{count}}',
  notificationsEmpty: 'You have no notifications. Orders assigned to you, overdue ones, and signatures and approvals waiting for you will appear here.',
  notificationsMarkRead: 'Mark as read',
  notificationsMarkAll: 'Mark all as read',
  notificationsUnread: 'Unread',
  notificationsMore: 'Show older',
  notificationsPreferences: 'Notification preferences',
  notificationNotFound: 'That notification does not exist or is not yours.',
  notificationsPageInvalid: 'The page asked for is not valid: open the notifications again.',
  notificationPreferencesTitle: 'How you want to be told',
  notificationPreferencesIntro: 'The notification centre (the bell) gets everything. Choose which channels also bring each kind.',
  notificationPreferencesKind: 'Notification',
  notificationChannel_email: 'E-mail',
  notificationChannel_telegram: 'Telegram',
  notificationChannel_webhook: 'Webhook',
  notificationChannelOff: 'Not configured on the server: ask the administrator to turn it on.',
  notificationTelegramChat: 'Your Telegram chat (number)',
  notificationTelegramChatHelp: 'Write to @userinfobot on Telegram to learn your chat number.',
  notificationTelegramChatInvalid: 'The Telegram chat is a number (it may start with -). Correct it and save again.',
  notificationPreferencesInvalid: 'The preferences sent are not valid: reload the page and save again.',
  notificationPreferencesSave: 'Save preferences',
  notificationPreferencesSaved: 'Preferences saved.',
  liveChanged: 'Someone else changed this page.',
  liveReload: 'Reload',
};

// The pages' names in the navigation.
export const notificationPagesEN = { notifications: 'Notifications', notificationPreferences: 'Notification preferences' };
