// The notification centre, its preferences and the live pages (issue 18).
export const notificationMessagesES = {
  notificationsTitle: 'Notificaciones',
  notificationsBell: 'Notificaciones sin leer: {{count}}',
  notificationsEmpty: 'No tiene notificaciones. Aquí verá las órdenes que le asignen, las vencidas, las firmas y aprobaciones que esperan por usted.',
  notificationsMarkRead: 'Marcar como leída',
  notificationsMarkAll: 'Marcar todas como leídas',
  notificationsUnread: 'Sin leer',
  notificationsMore: 'Ver anteriores',
  notificationsPreferences: 'Preferencias de notificación',
  notificationNotFound: 'Esa notificación no existe o no es suya.',
  notificationsPageInvalid: 'La página pedida no es válida: vuelva a abrir las notificaciones.',
  notificationPreferencesTitle: 'Cómo quiere que le avisemos',
  notificationPreferencesIntro: 'El centro de notificaciones (la campana) recibe todo. Elija además por qué canal recibir cada aviso.',
  notificationPreferencesKind: 'Aviso',
  notificationChannel_email: 'Correo',
  notificationChannel_telegram: 'Telegram',
  notificationChannel_webhook: 'Webhook',
  notificationChannelOff: 'No configurado en el servidor: pida al administrador que lo active.',
  notificationTelegramChat: 'Su chat de Telegram (número)',
  notificationTelegramChatHelp: 'Escriba a @userinfobot en Telegram para conocer su número de chat.',
  notificationTelegramChatInvalid: 'El chat de Telegram es un número (puede empezar con -). Corríjalo y guarde de nuevo.',
  notificationPreferencesInvalid: 'Las preferencias enviadas no son válidas: recargue la página y guarde de nuevo.',
  notificationPreferencesSave: 'Guardar preferencias',
  notificationPreferencesSaved: 'Preferencias guardadas.',
  liveChanged: 'Otra persona cambió esta página.',
  liveReload: 'Recargar',
};

// The pages' names in the navigation.
export const notificationPagesES = { notifications: 'Notificaciones', notificationPreferences: 'Preferencias de notificación' };
