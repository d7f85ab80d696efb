// A list's total may be PostgreSQL's estimate rather than a count (a million assets: counting each page
// turn would cost more than the page), or a count that stopped at its cap (a site's orders in progress:
// "más de 1.000"). The list answer says so (`meta.totalIsEstimate`, `meta.totalIsMoreThan`, set by the
// list action in resources/define-resource.ts), and says how far its pager reaches (`meta.pagerTotal`:
// the list's first 10 000 rows, or one page past a capped count). AdminJS's list hook keeps one number for
// both the header and the pager, so this module notes the total as the answer arrives, before the list
// shows it, and hands the pager its reach: the page header (overrides/action-header.tsx) reads
// "aprox. 5.000.000" / "about 5,000,000" or "más de 1.000" / "more than 1,000".
import { ApiClient } from 'adminjs';

type Call = { actionName?: string; resourceId?: string } & Record<string, unknown>;
type ListMeta = { total?: number; totalIsEstimate?: boolean; totalIsMoreThan?: boolean; pagerTotal?: number };
type ListAnswer = { data?: { meta?: ListMeta } };
export type ListTotal = { total: number; kind: 'exact' | 'estimate' | 'moreThan' };

const totals = new Map<string, ListTotal>();
const prototype = ApiClient.prototype as unknown as Record<'resourceAction', (options: Call) => Promise<unknown>>;
const resourceAction = prototype.resourceAction;
prototype.resourceAction = function (this: unknown, options: Call) {
  const answer = resourceAction.call(this, options);
  if (options?.actionName !== 'list' || !options.resourceId) return answer;
  const resourceId = options.resourceId;
  return answer.then((response) => {
    const meta = (response as ListAnswer)?.data?.meta;
    if (meta && typeof meta.total === 'number') {
      totals.set(resourceId, { total: meta.total, kind: meta.totalIsEstimate ? 'estimate' : meta.totalIsMoreThan ? 'moreThan' : 'exact' });
      if (typeof meta.pagerTotal === 'number') meta.total = meta.pagerTotal;
    } else totals.delete(resourceId);
    return response;
  });
};

/** The total the last list of this resource reported, and what kind of number it is. */
export function listTotalOf(resourceId: string): ListTotal | undefined {
  return totals.get(resourceId);
}
