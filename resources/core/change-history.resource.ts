import type { ActionContext, ActionRequest, ActionResponse, RecordJSON } from 'adminjs';
import type { Db } from '../../prisma/client.js';
import { Components } from '../../admin/component-loader.js';
import { AUDITED_TABLES } from '../../domain/history/audited-tables.js';
import { defineResource, NAVIGATION } from '../define-resource.js';
import { abilityOf, allowedTo } from '../../admin/access.js';
import { describeEntries, entryRecordTitles } from '../../admin/history/record-history.js';
import { modelOfTable } from '../../admin/dmmf.js';

type Entry = { id: bigint; changedAt: Date; tableName: string; recordId: number; action: string; actorUserId: number | null; actorLabel: string; changes: unknown };

// The global change history: who changed what, when. Written by database triggers only, so every
// write action is off; readable by groups granted "read change history", about records they may read.
export const changeHistoryResource = (prisma: Db) => {
  /** Each entry as people read it: the record by its title, the author by his name, the model for labels. */
  const named = async (records: RecordJSON[], context: ActionContext, withFields: boolean) => {
    const ids = records.map((r) => BigInt(r.id));
    const rows = (await prisma.changeHistory.findMany({ where: { id: { in: ids } } })) as Entry[];
    const ability = abilityOf(context.currentAdmin);
    const [described, titles] = await Promise.all([describeEntries(prisma, ability, rows), entryRecordTitles(prisma, ability, rows)]);
    const byId = new Map(rows.map((row, i) => [row.id.toString(), { row, entry: described[i]! }]));
    for (const record of records) {
      const found = byId.get(String(record.id));
      if (!found) continue;
      const { row, entry } = found;
      record.params.record = titles.get(`${row.tableName}:${row.recordId}`) ?? `#${row.recordId}`;
      record.params.actor = entry.actor;
      record.params.model = modelOfTable(row.tableName)?.name ?? '';
      if (withFields) record.params.fields = JSON.stringify(entry.fields);
    }
  };

  return defineResource(prisma, 'ChangeHistory', {
    navigation: NAVIGATION.audit,
    // Ids grow with time (one sequence): newest first through the primary key, no extra index to feed.
    sort: { sortBy: 'id', direction: 'desc' },
    listProperties: ['changedAt', 'tableName', 'record', 'action', 'actor'],
    filterProperties: ['changedAt', 'tableName', 'recordId', 'action', 'actorLabel', 'actorUserId', 'requestId'],
    showProperties: ['changedAt', 'tableName', 'record', 'recordId', 'action', 'actor', 'actorLabel', 'requestId', 'ip', 'changes'],
    properties: {
      tableName: { availableValues: AUDITED_TABLES.map((table) => ({ value: table, label: table })) },
      action: { availableValues: ['INSERT', 'UPDATE', 'DELETE'].map((value) => ({ value, label: value })) },
      // Filled per page by the list's and show's `after` (below): the record and author by name.
      record: { type: 'string', isVisible: { list: true, show: true, edit: false, filter: false } },
      actor: { type: 'string', isVisible: { list: true, show: true, edit: false, filter: false } },
      changes: { type: 'mixed', components: { show: Components.HistoryChanges } },
    },
    actions: {
      list: {
        after: async (response: ActionResponse, _request: ActionRequest, context: ActionContext) => {
          await named(response.records ?? [], context, false);
          return response;
        },
      },
      show: {
        after: async (response: ActionResponse, _request: ActionRequest, context: ActionContext) => {
          if (response.record) await named([response.record], context, true);
          return response;
        },
      },
      new: { isAccessible: false },
      edit: { isAccessible: false },
      delete: { isAccessible: false },
      bulkDelete: { isAccessible: false },
      exportXlsx: {
        actionType: 'resource',
        icon: 'Download',
        component: Components.ExportList,
        showInDrawer: true,
        custom: { help: 'historyExportHelp' },
        isAccessible: allowedTo('read', 'ChangeHistory'),
        handler: async () => ({}),
      },
    },
  });
};
