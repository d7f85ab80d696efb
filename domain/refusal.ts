// A refusal a person reads: nothing was written, and the message says why and what to do. It carries a
// message key of the locales (admin/locales) and the values the message needs, never text in one
// language: the layer that answers the person renders it in his language. `fields` places the reason
// beside the form fields it is about (a closeout can be refused for several fields at once); `kind` says
// what sort of refusal it is, which the HTTP layer turns into a status (server/http-errors.ts).
export type MessageParams = Record<string, string | number>;

/** invalid: the input breaks a rule (the default); malformed: not what was asked for (not an .xlsx);
 * forbidden, notFound (missing or hidden alike), gone (a stored file lost), tooLarge, tooMany (throttled). */
export type RefusalKind = 'invalid' | 'malformed' | 'forbidden' | 'notFound' | 'gone' | 'tooLarge' | 'tooMany';

export interface FieldRefusal {
  /** The form field: laborHours, technicianId, steps.<stepId>, materials.<n>.quantity, state... */
  field: string;
  key: string;
  params: MessageParams;
}

export class Refusal extends Error {
  readonly fields: FieldRefusal[];
  readonly kind: RefusalKind;

  constructor(
    readonly key: string,
    readonly params: MessageParams = {},
    options: { field?: string; fields?: FieldRefusal[]; kind?: RefusalKind } = {},
  ) {
    super(`refused: ${key} ${JSON.stringify(params)}`);
    this.name = 'Refusal';
    this.fields = options.fields ?? (options.field ? [{ field: options.field, key, params }] : []);
    this.kind = options.kind ?? 'invalid';
  }
}
