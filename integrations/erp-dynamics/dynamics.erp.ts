// The Dynamics 365 Finance & Operations driver of the ERP interface, over its OData entities:
// PurchaseRequisitionHeaders and PurchaseRequisitionLines (in the company `dataAreaId`), VendorsV2 and
// ReleasedProductsV2. Our number travels in an extension field of the header (`externalKeyField`), so
// every push first looks for it: the ERP never gets a second requisition for one of ours.
import { clientCredentialsToken, type TokenSource } from './dynamics-token.js';
import { ERP_REQUISITION_STATUSES, ErpError, type ErpItem, type ErpRequisitionDraft, type ErpRequisitionState, type ErpSystem, type ErpVendor } from './erp.js';
import { odataClient, odataString, type ODataClient } from './odata-client.js';
import type { DynamicsSettings } from './settings.js';

export const DYNAMICS_ENTITIES = {
  headers: 'PurchaseRequisitionHeaders',
  lines: 'PurchaseRequisitionLines',
  vendors: 'VendorsV2',
  items: 'ReleasedProductsV2',
} as const;

// Numbers per $filter: 40 keys of ~15 characters keep the URL well under the usual 8 KB limits.
const KEYS_PER_QUERY = 40;

type Header = Record<string, unknown> & { RequisitionNumber: string; RequisitionName: string; RequisitionStatus: string; '@odata.etag'?: string };
type ODataList<T> = { value: T[] };

export interface DynamicsErp extends ErpSystem {
  readonly odata: ODataClient;
  readonly tokens: TokenSource;
}

export function dynamicsErp(settings: DynamicsSettings): DynamicsErp {
  const tokens = clientCredentialsToken(settings);
  const odata = odataClient(settings, tokens);
  const company = `dataAreaId eq ${odataString(settings.dataAreaId)}`;
  const key = settings.externalKeyField;
  const headerFields = ['RequisitionNumber', 'RequisitionName', 'RequisitionStatus', key].join(',');

  const toState = (header: Header): ErpRequisitionState => {
    const status = ERP_REQUISITION_STATUSES.find((s) => s === header.RequisitionStatus);
    if (!status) throw new ErpError('invalid-answer', `requisition ${header.RequisitionNumber} has an unknown status "${String(header.RequisitionStatus)}"`);
    return { erpId: header.RequisitionNumber, number: String(header[key] ?? ''), name: header.RequisitionName, status, etag: header['@odata.etag'] ?? '' };
  };

  async function headersWhere(field: string, values: string[]): Promise<ErpRequisitionState[]> {
    const chunks: string[][] = [];
    for (let start = 0; start < values.length; start += KEYS_PER_QUERY) chunks.push(values.slice(start, start + KEYS_PER_QUERY));
    // The chunks' queries go out together (a batch holds a few; `concurrency` bounds what is in flight).
    const answers = await inBatches(chunks, settings.concurrency, (chunk) => {
      const filter = `${company} and (${chunk.map((value) => `${field} eq ${odataString(value)}`).join(' or ')})`;
      return odata.get<ODataList<Header>>(`${DYNAMICS_ENTITIES.headers}?$filter=${encodeURIComponent(filter)}&$select=${headerFields}`);
    });
    return answers.flatMap((answer) => answer.value.map(toState));
  }

  async function findOne(number: string): Promise<ErpRequisitionState | undefined> {
    return (await headersWhere(key, [number]))[0];
  }

  async function lineNumbersOf(erpId: string): Promise<Set<number>> {
    const filter = `${company} and RequisitionNumber eq ${odataString(erpId)}`;
    const answer = await odata.get<ODataList<{ LineNumber: number }>>(`${DYNAMICS_ENTITIES.lines}?$filter=${encodeURIComponent(filter)}&$select=LineNumber`);
    return new Set(answer.value.map((line) => Number(line.LineNumber)));
  }

  return {
    name: 'Dynamics 365',
    concurrency: settings.concurrency,
    odata,
    tokens,
    async findRequisitions(numbers) {
      return new Map((await headersWhere(key, numbers)).map((state) => [state.number, state]));
    },

    async pushRequisition(requisition, existing) {
      let header = existing;
      let fresh = false;
      if (!header) {
        try {
          const created = await odata.post<Header>(DYNAMICS_ENTITIES.headers, {
            dataAreaId: settings.dataAreaId,
            [key]: requisition.number,
            RequisitionName: requisition.title.slice(0, 60),
            PreparerName: requisition.requester,
          });
          header = toState(created);
          fresh = true;
        } catch (error) {
          // The ERP may have created it before the answer was lost: look before giving up.
          if (!(error instanceof ErpError) || !(error.kind === 'timeout' || error.kind === 'server')) throw error;
          header = await findOne(requisition.number);
          if (!header) throw error;
        }
      }
      const present = fresh ? new Set<number>() : await lineNumbersOf(header.erpId);
      const erpId = header.erpId;
      // Lines are independent records keyed by (requisition, line number): sent together.
      const missing = requisition.lines.filter((line) => !present.has(line.lineNumber));
      await inBatches(missing, settings.concurrency, (line) =>
        odata.post(DYNAMICS_ENTITIES.lines, {
          dataAreaId: settings.dataAreaId,
          RequisitionNumber: erpId,
          LineNumber: line.lineNumber,
          ItemNumber: line.itemCode ?? '',
          LineDescription: line.description.slice(0, 1000),
          RequestedPurchaseQuantity: line.quantity,
          PurchaseUnitSymbol: line.unit,
          PurchasePrice: line.unitPrice,
        }),
      );
      return header;
    },

    async readRequisitions(erpIds) {
      return new Map((await headersWhere('RequisitionNumber', erpIds)).map((state) => [state.erpId, state]));
    },

    async readVendor(code): Promise<ErpVendor | null> {
      const filter = `${company} and VendorAccountNumber eq ${odataString(code)}`;
      const answer = await odata.get<ODataList<{ VendorAccountNumber: string; VendorOrganizationName: string }>>(
        `${DYNAMICS_ENTITIES.vendors}?$filter=${encodeURIComponent(filter)}&$select=VendorAccountNumber,VendorOrganizationName`,
      );
      const vendor = answer.value[0];
      return vendor ? { code: vendor.VendorAccountNumber, name: vendor.VendorOrganizationName } : null;
    },

    async readItem(code): Promise<ErpItem | null> {
      const filter = `${company} and ItemNumber eq ${odataString(code)}`;
      const answer = await odata.get<ODataList<{ ItemNumber: string; SearchName: string; InventoryUnitSymbol: string }>>(
        `${DYNAMICS_ENTITIES.items}?$filter=${encodeURIComponent(filter)}&$select=ItemNumber,SearchName,InventoryUnitSymbol`,
      );
      const item = answer.value[0];
      return item ? { code: item.ItemNumber, name: item.SearchName, unit: item.InventoryUnitSymbol } : null;
    },
  };
}

/** `work` on every item, at most `limit` at a time, results in the items' order; the first failure rejects
 * once the items already started have settled (no request is left running behind the caller's back). */
async function inBatches<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  let failure: unknown;
  const worker = async () => {
    while (next < items.length && failure === undefined) {
      const index = next++;
      try {
        results[index] = await work(items[index]!);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure !== undefined) throw failure;
  return results;
}
