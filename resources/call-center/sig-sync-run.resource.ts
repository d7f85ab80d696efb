import type { ActionContext, ActionResponse, RecordJSON } from 'adminjs';
import { languageOf, renderMessage } from '../../admin/locales/render.js';
import type { CurrentUser } from '../../domain/access/current-user.js';
import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION, type ResourceSettings } from '../define-resource.js';

// The SIG scrape's runs (jobs/sync-sig-tickets.job.ts): what each read and created, or why it failed, in
// words. Read-only for everyone; administrators, supervisors and consultants see it. While SIG_URL is
// unset the list says the scrape is off.
export const sigSyncRunResource = (prisma: Db, settings: ResourceSettings) =>
  defineResource(prisma, 'SigSyncRun', {
    navigation: NAVIGATION.callCenter,
    sort: { sortBy: 'startedAt', direction: 'desc' },
    listProperties: ['startedAt', 'state', 'pagesRead', 'found', 'created', 'skipped', 'errorMessage'],
    showProperties: ['id', 'startedAt', 'finishedAt', 'state', 'pagesRead', 'found', 'created', 'skipped', 'errorMessage'],
    filterProperties: ['startedAt', 'state'],
    properties: {
      errorMessage: { type: 'string', isVisible: { list: true, show: true, edit: false, filter: false }, isSortable: false },
      errorValues: { isVisible: false },
      errorCode: { isVisible: false },
    },
    actions: {
      new: { isAccessible: false },
      edit: { isAccessible: false },
      delete: { isAccessible: false },
      bulkDelete: { isAccessible: false },
      list: {
        after: async (response: ActionResponse, _request: unknown, context: ActionContext) => {
          const language = languageOf((context.currentAdmin as unknown as CurrentUser | undefined)?.locale);
          for (const record of response.records ?? []) explainError(record, language);
          // The page says when the module is off, rather than showing an empty list as if all were well.
          if (!settings.sigConfigured) response.notice = { message: renderMessage(language, 'sigSyncOff'), type: 'info' };
          return response;
        },
      },
      show: {
        after: async (response: ActionResponse, _request: unknown, context: ActionContext) => {
          if (response.record) explainError(response.record, languageOf((context.currentAdmin as unknown as CurrentUser | undefined)?.locale));
          return response;
        },
      },
    },
  });

/** The failure's message key and values, as a sentence (the values are flattened as errorValues.<name>). */
function explainError(record: RecordJSON, language: 'es' | 'en') {
  const code = record.params.errorCode;
  if (!code) return;
  const values = Object.fromEntries(
    Object.entries(record.params)
      .filter(([key]) => key.startsWith('errorValues.'))
      .map(([key, value]) => [key.slice('errorValues.'.length), String(value)]),
  );
  record.params.errorMessage = renderMessage(language, String(code), values);
}
