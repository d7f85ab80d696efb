// The one place AdminJS asks the role rules (domain/access/abilities.ts): which resources and actions a
// user may see and use. Row conditions are applied by our adapter (admin/adapter/prisma-resource.ts).
import { subject } from '@casl/ability';
import type { ActionContext, CurrentAdmin } from 'adminjs';
import type { Prisma } from '@prisma/client';
import { defineAbilitiesFor, type Action, type AppAbility } from '../domain/access/abilities.js';
import type { CurrentUser } from '../domain/access/current-user.js';
import { getFullModel } from './dmmf.js';

const NO_RIGHTS = defineAbilitiesFor({ userId: -1, groups: [], technicianId: null, sharedOrderIds: [], canReadHistory: false, approvalLimit: null, sitePaths: [] });
const cache = new Map<string, AppAbility>();
const CACHE_SIZE = 500;
const byAccessObject = new WeakMap<object, AppAbility>();

/** The ability of a signed-in user, rebuilt from the access profile kept in his session. */
export function abilityOf(currentAdmin: CurrentAdmin | CurrentUser | undefined | null): AppAbility {
  const access = (currentAdmin as CurrentUser | undefined)?.access;
  if (!access) return NO_RIGHTS;
  // A request asks dozens of times (every action and property of every record listed) with the same
  // access object, read once per request: found by identity first, without re-serialising it each time.
  const known = byAccessObject.get(access);
  if (known) return known;
  const key = JSON.stringify(access);
  let ability = cache.get(key);
  if (!ability) {
    ability = defineAbilitiesFor(access);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(key, ability);
  }
  byAccessObject.set(access, ability);
  return ability;
}

/** Models the rules name otherwise: the change history is "History" (a right any group can be granted). */
const RULE_SUBJECTS: Partial<Record<Prisma.ModelName, 'History'>> = { ChangeHistory: 'History' };

/** AdminJS built-in actions and the rule action each one needs. */
export const BUILT_IN_ACTIONS: Record<string, Action> = {
  list: 'read',
  search: 'read',
  show: 'read',
  new: 'create',
  edit: 'update',
  delete: 'delete',
  bulkDelete: 'delete',
};

/** An `isAccessible` for one model and rule action. With a record, its own values are checked too, unless
 * a rule looks into related rows (orders shared with a technician): the record cannot answer that, so the
 * decision stays with the adapter, which reads and writes rows only under the rule's SQL conditions. */
export function allowedTo(action: Action, model: Prisma.ModelName) {
  const subjectType = RULE_SUBJECTS[model] ?? model;
  return ({ currentAdmin, record }: ActionContext): boolean => {
    const ability = abilityOf(currentAdmin);
    if (!ability.can(action, subjectType as never)) return false;
    if (subjectType !== model) return true;
    // A record not yet saved (a form sent back with its errors) is judged by the adapter when it is saved.
    if (!record || record.id() === undefined || record.id() === '') return true;
    if (recordVerdictOf(ability, action, model) !== 'perRecord') return true;
    return ability.can(action, asRuleSubject(model, record.params));
  };
}

type RecordVerdict = 'adapter' | 'sameForAll' | 'perRecord';
const verdicts = new WeakMap<AppAbility, Map<string, RecordVerdict>>();

/** How the rules of `action` on `model` judge one record, once per ability (AdminJS asks for every action
 * of every record of a page, the referenced ones too): a rule looking into related rows leaves it to the
 * adapter; rules without conditions answer for every record as for the model, already asked; otherwise
 * the record's own values decide. */
function recordVerdictOf(ability: AppAbility, action: Action, model: Prisma.ModelName): RecordVerdict {
  let known = verdicts.get(ability);
  if (!known) verdicts.set(ability, (known = new Map()));
  const key = `${action} ${model}`;
  let verdict = known.get(key);
  if (!verdict) {
    const rules = ability.rulesFor(action, model);
    verdict = rules.some((rule) => rule.conditions && hasRelationCondition(rule.conditions))
      ? 'adapter'
      : rules.every((rule) => !rule.conditions)
        ? 'sameForAll'
        : 'perRecord';
    known.set(key, verdict);
  }
  return verdict;
}

function hasRelationCondition(conditions: object): boolean {
  return Object.entries(conditions).some(([key, value]) =>
    (key === 'AND' || key === 'OR' || key === 'NOT') && Array.isArray(value)
      ? value.some((part: object) => hasRelationCondition(part))
      : value !== null && typeof value === 'object' && ('is' in value || 'some' in value || 'every' in value || 'isNot' in value),
  );
}

/** AdminJS names a foreign key by its relation ("technician"); rules use the column ("technicianId"). */
export function asRuleSubject(model: Prisma.ModelName, params: Record<string, unknown>) {
  const values: Record<string, unknown> = { ...params };
  for (const field of getFullModel(model).fields)
    if (field.relationFromFields?.length === 1 && params[field.name] !== undefined)
      values[field.relationFromFields[0]!] = Number(params[field.name]) || params[field.name];
  return subject(model, values) as never;
}

