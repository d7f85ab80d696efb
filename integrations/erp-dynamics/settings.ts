// The settings of the Dynamics 365 driver, read and validated by server/config.ts (ERP_DYNAMICS_*).
export interface DynamicsSettings {
  /** The environment's base URL, e.g. https://contoso.operations.dynamics.com (OData under /data). */
  baseUrl: string;
  /** The OAuth 2.0 token endpoint, e.g. https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token. */
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** The scope asked for with client credentials; by default `<baseUrl>/.default`. */
  scope: string;
  /** The company (legal entity) the requisitions belong to. */
  dataAreaId: string;
  /** The header field that carries our requisition number (an extension field on the entity). */
  externalKeyField: string;
  /** How long one HTTP request may take before it counts as a timeout. */
  requestTimeoutMs: number;
  /** First wait before retrying a 5xx (doubled each time). */
  backoffMs: number;
  /** Longest Retry-After honoured by waiting; a longer one ends the attempt as throttled. */
  maxRetryAfterSeconds: number;
  /** Requests in flight at once. */
  concurrency: number;
}

export const DYNAMICS_DEFAULTS = {
  externalKeyField: 'CmmsRequisitionNumber',
  requestTimeoutMs: 30_000,
  backoffMs: 500,
  maxRetryAfterSeconds: 60,
  concurrency: 16,
} as const;
