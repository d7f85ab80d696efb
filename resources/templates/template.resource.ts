// Templates (issue 24): administrators write the bodies of printables and messages. A body is checked
// before it is saved (domain/templates/render-template.ts: Mustache, no raw output, no partials); the reason
// for a refusal is shown beside the body. "Vista previa" draws the stored template on a real record.
// Every version stays in the change history (templates is a recorded table).
import { ValidationError, type ActionContext, type ActionRequest } from 'adminjs';
import { allowedTo } from '../../admin/access.js';
import { Components } from '../../admin/component-loader.js';
import { languageOf, renderMessage } from '../../admin/locales/render.js';
import type { CurrentUser } from '../../domain/access/current-user.js';
import { Refusal } from '../../domain/refusal.js';
import { PLACEHOLDERS } from '../../domain/templates/default-bodies.js';
import { checkTemplateBody } from '../../domain/templates/render-template.js';
import { isTemplateKind } from '../../domain/templates/template-kinds.js';
import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

const checkBody = async (request: ActionRequest, context: ActionContext) => {
  const body = request.method === 'post' ? request.payload?.body : undefined;
  if (typeof body !== 'string') return request;
  try {
    checkTemplateBody(body);
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    const language = languageOf((context.currentAdmin as unknown as CurrentUser | undefined)?.locale);
    throw new ValidationError({ body: { message: renderMessage(language, error.key, error.params) } });
  }
  return request;
};

export const templateResource = (prisma: Db) =>
  defineResource(prisma, 'Template', {
    navigation: NAVIGATION.administration,
    sort: { sortBy: 'kind', direction: 'asc' },
    listProperties: ['name', 'kind', 'language', 'active', 'updatedAt'],
    filterProperties: ['name', 'kind', 'language', 'active'],
    editProperties: ['kind', 'language', 'name', 'active', 'body'],
    showProperties: ['name', 'kind', 'language', 'active', 'body', 'createdAt', 'updatedAt'],
    properties: {
      body: { type: 'textarea', props: { rows: 16 } },
      updatedAt: { isVisible: { list: true, show: true, edit: false, filter: false } },
    },
    actions: {
      new: { before: checkBody },
      edit: { before: checkBody },
      previewTemplate: {
        actionType: 'record',
        icon: 'Eye',
        component: Components.TemplatePreview,
        isAccessible: allowedTo('read', 'Template'),
        handler: async (_request, _response, context) => {
          const record = context.record!.toJSON(context.currentAdmin);
          const kind = record.params.kind;
          // The values the body may name, shown beside the preview.
          if (isTemplateKind(kind)) record.params = { ...record.params, placeholders: PLACEHOLDERS[kind].join(', ') };
          return { record };
        },
      },
    },
  });
