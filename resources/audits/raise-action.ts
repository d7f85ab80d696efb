// "Registrar acción correctiva" on its sources: an audit finding, a safety incident, a closed corrective
// work order (its failure). One form (what is to be done, its owner among the active people, its due date)
// and one operation (domain/audits/raise-corrective-action.ts), which checks the rule on the source's row;
// done, the page goes to the new action.
import type { Action, ActionResponse } from 'adminjs';
import { Components } from '../../admin/component-loader.js';
import { todayIn } from '../../domain/dates.js';
import { canRaiseFrom, raiseCorrectiveAction, type ActionSource } from '../../domain/audits/raise-corrective-action.js';
import type { Db } from '../../prisma/client.js';
import type { ResourceSettings } from '../define-resource.js';
import { recordAction } from '../record-action.js';

export function raiseCorrectiveActionAction(prisma: Db, settings: ResourceSettings, source: ActionSource): Partial<Action<ActionResponse>> {
  return recordAction({
    rule: ['raiseAction', source],
    icon: 'PlusCircle',
    component: Components.PermitActionForm,
    shownFor: (params) => canRaiseFrom(source, params),
    form: async () => {
      const people = await prisma.user.findMany({ where: { isActive: true }, select: { id: true, name: true }, orderBy: { name: 'asc' }, take: 1000 });
      return {
        introKey: `raiseActionIntro_${source}`,
        fields: [
          { name: 'description', kind: 'textarea', labelKey: 'actionField_description' },
          { name: 'owner', kind: 'select', labelKey: 'actionField_owner', choices: people.map((p) => ({ value: String(p.id), label: p.name })) },
          { name: 'dueOn', kind: 'date', labelKey: 'actionField_dueOn' },
        ],
        submitKey: 'actionSubmit_raise',
      };
    },
    run: ({ id, ability, userId, payload }) => raiseCorrectiveAction(prisma, ability, userId, source, id, payload, todayIn(settings.timeZone)),
    success: 'actionRaised',
    goTo: (action) => ({ resourceId: 'CorrectiveAction', recordId: String(action.id) }),
  });
}
