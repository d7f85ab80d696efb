// What our adapter needs to know about models beyond the DMMF, in one place.
import { escapeLike } from '../../domain/search.js';

/** Generated, trigram-indexed columns that answer text filters on their source fields. */
export const SEARCH_COLUMNS: Record<string, { column: string; sources: string[] }> = {
  Asset: { column: 'searchText', sources: ['code', 'description'] },
  WorkOrder: { column: 'searchText', sources: ['number', 'description'] },
};

/** The field a reference is shown, sorted and searched by (also each resource's title). */
export const TITLE_FIELDS: Record<string, string> = {
  User: 'name',
  Group: 'name',
  Location: 'fullName',
  AssetCategory: 'name',
  Asset: 'code',
  MeasurementPoint: 'code',
  MaintenanceType: 'name',
  Frequency: 'name',
  Procedure: 'name',
  Routine: 'name',
  WorkCalendar: 'name',
  WorkOrder: 'number',
  FailureCode: 'name',
  Technician: 'name',
  Requisition: 'title',
  Ticket: 'number',
  Document: 'code',
  DocumentRevision: 'fileName',
};

/** References whose filter means "this record or anything below it in its tree". */
export const SUBTREE_REFERENCES: Record<string, { pathField: string }> = {
  Location: { pathField: 'path' },
};

/** Columns AdminJS must never learn about: secrets, and generated columns it must not write. */
export const HIDDEN_FIELDS: Record<string, readonly string[]> = {
  Asset: ['searchText'],
  WorkOrder: ['searchText'],
};

/** Filters by a record reached through a reference (a reading's asset is its measurement point's; a
 * work order's location is its asset's, subtree included). Exposed as virtual filter properties. */
export interface RelatedFilterHelpers {
  locationPath(id: number): Promise<string | undefined>;
}
export const RELATED_FILTERS: Record<string, Record<string, (id: number, helpers: RelatedFilterHelpers) => Promise<Record<string, unknown>>>> = {
  Reading: { asset: async (id) => ({ measurementPoint: { assetId: id } }) },
  WorkOrder: {
    location: async (id, { locationPath }) => ({ asset: { location: { path: { startsWith: escapeLike((await locationPath(id)) ?? '-') } } } }),
  },
};

/** Virtual reference properties that name a row two references away (a work order's location is its
 * asset's): the relation fields to follow, for exports that show them by name. */
export const DERIVED_REFERENCES: Record<string, Record<string, string[]>> = {
  WorkOrder: { location: ['asset', 'location'] },
};

/** Fields only the domain's workflows write (a work order's state moves through its lifecycle actions);
 * a form that tries to change them is refused next to the field. */
export const WORKFLOW_FIELDS: Record<string, readonly string[]> = {
  WorkOrder: ['state', 'number', 'startedAt', 'completedAt'],
  Requisition: ['state', 'total', 'approvedBy', 'approvedById', 'approvedAt', 'erpSyncState'],
  // A document is approved by its signatures only (domain/documents/signatures.ts).
  Document: ['code', 'state'],
};
