// The one shape of a workflow button on a record (start an order, approve a requisition, close with the
// closeout form...): the resource declares the rule, where the button shows and which domain operation it
// runs; this file does the rest, the same way for every module.
//  - The operation runs on POST only. A GET answers the record (and the form's data) and changes nothing.
//  - A typed refusal (domain/refusal.ts) comes back as field errors rendered in the form's language, its
//    key as the notice; anything else (AccessDeniedError: 403) goes on to the HTTP layer.
//  - Done, the record is read again through the adapter as the viewer (his rules), and the page goes to
//    the record (or where the operation leads) with a notice.
import type { Prisma } from '@prisma/client';
import { ValidationError, type Action, type ActionResponse } from 'adminjs';
import { abilityOf, allowedTo } from '../admin/access.js';
import { languageOf, renderMessage } from '../admin/locales/render.js';
import type { Action as RuleAction, AppAbility } from '../domain/access/abilities.js';
import type { CurrentUser } from '../domain/access/current-user.js';
import { Refusal } from '../domain/refusal.js';
import { currentActor } from '../prisma/actor.js';

/** What the operation and the form are given: the record's id, the viewer, and the form's fields. */
export interface RecordActionCall {
  id: number;
  ability: AppAbility;
  userId: number;
  payload: Record<string, unknown>;
  /** The language the viewer reads (the form's, else his own), for refusals that name things in it. */
  language: 'es' | 'en';
  /** Where the request came from (the address as the app sees it, with TRUST_PROXY), for signatures. */
  client: { ip: string; userAgent: string };
}

export interface RecordActionSpec<R> {
  /** The rule the button needs, checked by the API gate and for the button itself. */
  rule: [RuleAction, Prisma.ModelName];
  icon: string;
  /** A form (registered component) whose data `form` answers, or false: one click. */
  component?: string | false;
  /** A confirmation message key, asked before a one-click action. */
  guard?: string;
  /** The record states the button is offered in (the operation checks them again). */
  shownIn?: (state: string) => boolean;
  /** Where the button depends on more than the state: the record's values (the operation checks again). */
  shownFor?: (params: Record<string, unknown>) => boolean;
  /** The domain operation. */
  run: (call: RecordActionCall) => Promise<R>;
  /** What the form shows, answered to a GET. */
  form?: (call: RecordActionCall) => Promise<unknown>;
  /** The notice key when it is done; or, where the outcome varies, the key and its values from the result. */
  success: string | ((result: R) => { key: string; params?: Record<string, string | number> });
  /** Where the page goes when it is done; by default the record's own page. */
  goTo?: (result: R, call: RecordActionCall) => { resourceId: string; recordId: string };
}

export function recordAction<R>(spec: RecordActionSpec<R>): Partial<Action<ActionResponse>> {
  return {
    actionType: 'record',
    component: spec.component ?? false,
    icon: spec.icon,
    guard: spec.guard,
    isAccessible: allowedTo(...spec.rule),
    isVisible: ({ record }) => !!record && (spec.shownIn?.(String(record.params.state)) ?? true) && (spec.shownFor?.(record.params) ?? true),
    handler: async (request, _response, context) => {
      const call: RecordActionCall = {
        id: Number(context.record!.id()),
        ability: abilityOf(context.currentAdmin),
        userId: (context.currentAdmin as unknown as CurrentUser).access.userId,
        payload: (request.payload ?? {}) as Record<string, unknown>,
        language: languageOf(request.payload?.language ?? (context.currentAdmin as unknown as CurrentUser).locale),
        client: { ip: currentActor()?.ip ?? 'unknown', userAgent: currentActor()?.userAgent ?? '' },
      };
      if (request.method !== 'post') {
        const record = context.record!.toJSON(context.currentAdmin);
        return spec.form ? { record, form: await spec.form(call) } : { record };
      }
      let result: R;
      try {
        result = await spec.run(call);
      } catch (error) {
        if (error instanceof Refusal) throw asValidationError(error, call.language);
        throw error;
      }
      const reloaded = (await context.resource.findOne(String(call.id), context)) ?? context.record!;
      const target = spec.goTo?.(result, call) ?? { resourceId: context.resource.id(), recordId: String(call.id) };
      const success = typeof spec.success === 'string' ? { key: spec.success } : spec.success(result);
      return {
        record: reloaded.toJSON(context.currentAdmin),
        redirectUrl: context.h.recordActionUrl({ ...target, actionName: 'show' }),
        notice: { message: success.key, type: 'success', ...(success.params && { options: success.params }) },
      };
    },
  };
}

/** Record actions for each name of a list, built by one function (the five lifecycle moves...). */
export function recordActions<N extends string>(names: readonly N[], build: (name: N) => Partial<Action<ActionResponse>>): Record<N, Partial<Action<ActionResponse>>> {
  return Object.fromEntries(names.map((name) => [name, build(name)])) as Record<N, Partial<Action<ActionResponse>>>;
}

function asValidationError(refusal: Refusal, language: ReturnType<typeof languageOf>): ValidationError {
  const fields = Object.fromEntries(refusal.fields.map((f) => [f.field, { message: renderMessage(language, f.key, f.params), type: f.key }]));
  const notice = { message: refusal.key, type: 'error', options: refusal.params };
  return new ValidationError(fields, notice);
}
