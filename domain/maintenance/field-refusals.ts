// A refusal a person reads on a work-order form (assign, record steps, close): which field, and why (a
// message key of admin/locales with its parameters).
export interface FieldError {
  /** laborHours, problemId, causeId, remedyId, observations, steps.<stepId>, materials.<n>.<field> */
  field: string;
  key: string;
  params: Record<string, string | number>;
}

export class FieldsRefusedError extends Error {
  constructor(readonly errors: FieldError[]) {
    super(`refused: ${errors.map((e) => `${e.field} (${e.key})`).join(', ')}`);
    this.name = 'FieldsRefusedError';
  }
}
