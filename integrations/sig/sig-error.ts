// Every way reading the SIG can fail, named, with what a person needs to act on it. The code doubles as
// the message key of the run record's page (admin/locales), so the integration stays free of the app.
export type SigFailure =
  | 'sigLoginRefused'
  | 'sigLoginFormMissing'
  | 'sigSessionExpired'
  | 'sigTicketTableMissing'
  | 'sigLayoutChanged'
  | 'sigTimeout'
  | 'sigUnreachable'
  | 'sigHttpError';

export class SigError extends Error {
  constructor(
    readonly code: SigFailure,
    readonly values: Record<string, string | number> = {},
    detail?: string,
  ) {
    super(detail ?? `${code} ${JSON.stringify(values)}`);
    this.name = 'SigError';
  }
}
