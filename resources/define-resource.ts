// The common shape of a resource: the model as AdminJS may see it, our client, closed vocabularies as
// selects, the title field, and the access rule. Each resource file adds only what is its own.
import type { Action, ActionResponse, PropertyOptions, ResourceOptions, ResourceWithOptions } from 'adminjs';
import type { Prisma } from '@prisma/client';
import { getFullModel, getModel } from '../admin/dmmf.js';
import { NAMED_FOR_EVERYONE, TITLE_FIELDS } from '../admin/adapter/model-settings.js';
import { refuseMalformedPayload } from '../admin/adapter/input-checks.js';
import { countWasCapped, countWasEstimated, listWindowOf, type CmmsPrismaResource } from '../admin/adapter/prisma-resource.js';
import { listPager, type ListMeta } from '../admin/adapter/list-pager.js';
import { VOCABULARIES } from '../domain/vocabularies.js';
import type { Db } from '../prisma/client.js';
import { abilityOf, allowedTo, BUILT_IN_ACTIONS } from '../admin/access.js';
import { Components } from '../admin/component-loader.js';
import { readRecordHistory } from '../admin/history/record-history.js';
import { excelActions } from './excel-actions.js';
import type { PasswordThrottle } from '../domain/users/confirm-password.js';
import type { TransmittalMailing } from '../domain/transmittals/send-transmittal.js';

/** What resources need to know of the plant beyond the database. */
export interface ResourceSettings {
  timeZone: string;
  /** The ERP module: off (and saying so) while Dynamics 365 is not configured; a sync run on request. */
  erp?: { configured: boolean; requestSync(): Promise<unknown> };
  /** The call centre's SIG scrape is configured (SIG_URL); its runs page says so when not. */
  sigConfigured?: boolean;
  /** The sign-in throttle, for actions that ask the password again (signing a permit); absent: they refuse. */
  passwordThrottle?: PasswordThrottle;
  /** Transmittals (issue 24): how their links go out (off, and saying so, without SMTP and PUBLIC_URL). */
  transmittals?: TransmittalMailing;
}

export const NAVIGATION = {
  assets: { name: 'assets', icon: 'Box' },
  monitoring: { name: 'monitoring', icon: 'Activity' },
  energy: { name: 'energy', icon: 'Zap' },
  maintenance: { name: 'maintenance', icon: 'Tool' },
  services: { name: 'services', icon: 'BarChart2' },
  budgets: { name: 'budgets', icon: 'DollarSign' },
  inventory: { name: 'inventory', icon: 'Package' },
  callCenter: { name: 'callCenter', icon: 'PhoneCall' },
  catalogue: { name: 'catalogue', icon: 'BookOpen' },
  documents: { name: 'documents', icon: 'FileText' },
  safety: { name: 'safety', icon: 'Shield' },
  audits: { name: 'audits', icon: 'Clipboard' },
  // projects (issue 24)
  projects: { name: 'projects', icon: 'Calendar' },
  communications: { name: 'communications', icon: 'Send' },
  administration: { name: 'administration', icon: 'Users' },
  audit: { name: 'audit', icon: 'Clock' },
} as const;

/** Shown on show pages only: set by the database, never typed in. */
export const TIMESTAMPS: Record<string, PropertyOptions> = {
  createdAt: { isVisible: { list: false, filter: true, show: true, edit: false } },
  updatedAt: { isVisible: { list: false, filter: false, show: true, edit: false } },
};

export function defineResource(prisma: Db, modelName: Prisma.ModelName, options: ResourceOptions = {}): ResourceWithOptions {
  const properties: Record<string, PropertyOptions> = { ...TIMESTAMPS };
  const vocabularies = (VOCABULARIES as Record<string, Record<string, readonly string[]>>)[modelName] ?? {};
  for (const [field, values] of Object.entries(vocabularies))
    properties[field] = { availableValues: values.map((value) => ({ value, label: value })) };
  // Date-only columns (@db.Date) are shown and edited as dates, not as date-times.
  for (const field of getFullModel(modelName).fields)
    if (field.nativeType?.[0] === 'Date') properties[field.name] = { ...properties[field.name], type: 'date' };
  const title = TITLE_FIELDS[modelName];
  if (title) properties[title] = { ...properties[title], isTitle: true };
  // The adapter marks "name" as a title by default; the domain's title field must win (a location's path).
  for (const [field, custom] of Object.entries(options.properties ?? {})) properties[field] = { ...properties[field], ...custom };

  // Every built-in action asks the role rules; a resource may still switch one off entirely.
  type ActionOptions = Partial<Action<ActionResponse>>;
  const declared = { ...excelActions(modelName), ...(options.actions ?? {}) } as Record<string, ActionOptions>;
  const actions: Record<string, ActionOptions> = { ...declared };
  for (const [name, rule] of Object.entries(BUILT_IN_ACTIONS)) actions[name] = { isAccessible: allowedTo(rule, modelName), ...declared[name] };
  // Forms' values of the wrong kind are refused next to their field before anything else runs.
  for (const name of ['new', 'edit'] as const)
    actions[name] = { ...actions[name], before: [refuseMalformedPayload, ...[declared[name]?.before ?? []].flat()] };
  // A list whose total is PostgreSQL's estimate says so: the page shows "aprox. 5 000 000"; one whose
  // count stopped at its cap, "más de 1.000" (admin/components/estimated-total.ts). The pager pages
  // through what the list may show (listPager).
  actions.list = {
    ...actions.list,
    after: [
      ...[declared.list?.after ?? []].flat(),
      (response: ActionResponse & { meta?: Record<string, unknown> }, _request, context) => {
        if (!response.meta) return response;
        if (countWasEstimated(context)) response.meta.totalIsEstimate = true;
        if (countWasCapped(context)) response.meta.totalIsMoreThan = true;
        const pager = listPager(response.meta as ListMeta, (response.records as unknown[] | undefined)?.length ?? 0, listWindowOf(context));
        if (pager !== response.meta.total) response.meta.pagerTotal = pager;
        return response;
      },
    ],
  };
  // Deny by default: a custom action must say who may use it (allowedTo), or it does not start.
  for (const [name, action] of Object.entries(declared))
    if (!(name in BUILT_IN_ACTIONS) && action.isAccessible === undefined)
      throw new Error(`${modelName}: custom action "${name}" declares no isAccessible rule`);

  // Pickers of people (a responsible, a reporter, a technician) offer every active one to anyone signed
  // in, by name and e-mail, though only those who may read the model see the rest of a record.
  if (NAMED_FOR_EVERYONE[modelName])
    actions.search = {
      isAccessible: ({ currentAdmin }) => Boolean(currentAdmin),
      handler: async (request, _response, context) => {
        const query = String((request.params as { query?: string }).query ?? '');
        const records = await (context.resource as unknown as CmmsPrismaResource).searchNamed(query);
        return { records: records.map((record) => record.toJSON(context.currentAdmin)) };
      },
      ...declared.search,
    };

  // "Historial": the record's change history, for groups granted the right to read it.
  if (modelName !== 'ChangeHistory')
    actions.history = {
      actionType: 'record',
      icon: 'Clock',
      component: Components.HistoryTimeline,
      isAccessible: (context) => abilityOf(context.currentAdmin).can('read', 'History') && allowedTo('read', modelName)(context),
      handler: async (_request, _response, context) => ({
        record: context.record!.toJSON(context.currentAdmin),
        entries: await readRecordHistory(prisma, modelName, String(context.record!.id()), abilityOf(context.currentAdmin)),
      }),
      ...declared.history,
    };

  return {
    resource: { model: getModel(modelName), client: prisma },
    options: { ...(title && { titleProperty: title }), ...options, properties, actions },
  };
}
