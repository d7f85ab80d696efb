// The small ERP interface the plant needs: push an approved requisition, read back the status of those
// pushed, read a vendor or an item. One driver today (Dynamics 365 Finance & Operations); the sync in
// domain/budgets/ knows only this file.

/** A requisition as we send it: our number is the external key that makes a push idempotent. */
export interface ErpRequisitionDraft {
  number: string;
  title: string;
  requester: string;
  lines: ErpRequisitionLineDraft[];
}

export interface ErpRequisitionLineDraft {
  /** 1, 2, 3... in the order of our items: with the ERP's id it identifies a line already sent. */
  lineNumber: number;
  description: string;
  quantity: number;
  unit: string;
  unitPrice: number;
  itemCode?: string;
}

/** The ERP's status of a purchase requisition (Dynamics' PurchReqRequisitionStatus). */
export const ERP_REQUISITION_STATUSES = ['Draft', 'InReview', 'Rejected', 'Approved', 'Cancelled', 'Closed'] as const;
export type ErpRequisitionStatus = (typeof ERP_REQUISITION_STATUSES)[number];
/** Statuses after which the ERP does not move a requisition any more: no need to read them again. */
export const FINAL_ERP_STATUSES: readonly ErpRequisitionStatus[] = ['Rejected', 'Cancelled', 'Closed'];

/** What the ERP holds of one of our requisitions. */
export interface ErpRequisitionState {
  /** The ERP's own number (RequisitionNumber in Dynamics). */
  erpId: string;
  /** Our number, as we sent it. */
  number: string;
  name: string;
  status: ErpRequisitionStatus;
  /** The ERP's version of the record: unchanged etag, unchanged record. */
  etag: string;
}

export interface ErpVendor {
  code: string;
  name: string;
}

export interface ErpItem {
  code: string;
  name: string;
  unit: string;
}

export interface ErpSystem {
  readonly name: string;
  /** Requests the ERP is sent at once (the sync's pushes in flight). */
  readonly concurrency: number;
  /** The ERP requisitions that already carry these numbers of ours (at most a batch), by our number. */
  findRequisitions(numbers: string[]): Promise<Map<string, ErpRequisitionState>>;
  /** Creates the requisition and those of its lines the ERP lacks; `existing` (from findRequisitions)
   * skips the header. Idempotent by our number: a retry after a timeout never makes a second one. */
  pushRequisition(requisition: ErpRequisitionDraft, existing?: ErpRequisitionState): Promise<ErpRequisitionState>;
  /** The current state of requisitions by the ERP's ids (at most a batch); missing ones are left out. */
  readRequisitions(erpIds: string[]): Promise<Map<string, ErpRequisitionState>>;
  readVendor(code: string): Promise<ErpVendor | null>;
  readItem(code: string): Promise<ErpItem | null>;
}

/** Why a call to the ERP failed. Transient kinds are tried again on the next run; the others need a
 * person (settings, credentials, or data the ERP refuses). */
export type ErpFailureKind = 'timeout' | 'unreachable' | 'throttled' | 'server' | 'auth' | 'refused' | 'invalid-answer';
const TRANSIENT: ErpFailureKind[] = ['timeout', 'unreachable', 'throttled', 'server'];

export class ErpError extends Error {
  constructor(
    readonly kind: ErpFailureKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ErpError';
  }

  get transient(): boolean {
    return TRANSIENT.includes(this.kind);
  }

  /** The whole ERP is out of reach (no requisition could get through): the run stops. */
  get stopsTheRun(): boolean {
    return this.kind === 'auth' || this.kind === 'unreachable';
  }
}
