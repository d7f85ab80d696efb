// Tokens of outside systems for the readings intake API (issue 25), administrators only. "Crear token"
// makes one and shows it once (its form, components/integration-token-form.tsx); "Revocar" ends it. A
// token is never edited nor deleted: its row says who made it and when it was revoked, and the change
// history keeps both.
import { abilityOf, allowedTo } from '../../admin/access.js';
import { Components } from '../../admin/component-loader.js';
import { languageOf, renderMessage } from '../../admin/locales/render.js';
import type { CurrentUser } from '../../domain/access/current-user.js';
import { createIntegrationToken, revokeIntegrationToken, type TokenScope } from '../../domain/readings-intake/integration-tokens.js';
import { Refusal } from '../../domain/refusal.js';
import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';
import { recordAction } from '../record-action.js';

export const integrationTokenResource = (prisma: Db) =>
  defineResource(prisma, 'IntegrationToken', {
    navigation: NAVIGATION.administration,
    sort: { sortBy: 'createdAt', direction: 'desc' },
    listProperties: ['name', 'scope', 'tokenPrefix', 'createdBy', 'createdAt', 'revokedAt'],
    filterProperties: ['name', 'scope', 'revokedAt'],
    showProperties: ['name', 'scope', 'tokenPrefix', 'createdBy', 'createdAt', 'revokedAt'],
    actions: {
      new: { isAccessible: false },
      edit: { isAccessible: false },
      delete: { isAccessible: false },
      bulkDelete: { isAccessible: false },
      createToken: {
        actionType: 'resource',
        icon: 'Key',
        component: Components.IntegrationTokenForm,
        isAccessible: allowedTo('create', 'IntegrationToken'),
        handler: async (request, _response, context) => {
          if (request.method !== 'post') return {};
          const user = context.currentAdmin as unknown as CurrentUser;
          const payload = (request.payload ?? {}) as Record<string, unknown>;
          const language = languageOf(payload.language ?? user.locale);
          try {
            const created = await createIntegrationToken(prisma, abilityOf(user), user.access.userId, {
              name: String(payload.name ?? ''),
              scope: String(payload.scope ?? 'readings') as TokenScope,
            });
            return { token: created.token, name: created.name, notice: { message: renderMessage(language, 'integrationTokenCreated', { name: created.name }), type: 'success' } };
          } catch (error) {
            if (!(error instanceof Refusal)) throw error;
            const errors = Object.fromEntries(error.fields.map((f) => [f.field, { message: renderMessage(language, f.key, f.params) }]));
            return { errors, notice: { message: renderMessage(language, error.key, error.params), type: 'error' } };
          }
        },
      },
      revokeToken: recordAction({
        rule: ['update', 'IntegrationToken'],
        icon: 'Slash',
        guard: 'confirmRevokeIntegrationToken',
        shownFor: (params) => !params.revokedAt,
        run: ({ id, ability }) => revokeIntegrationToken(prisma, ability, id),
        success: 'integrationTokenRevoked',
      }),
    },
  });
