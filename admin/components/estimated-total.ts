// A list's total may be PostgreSQL's estimate rather than a count (a million assets: counting each page
// turn would cost more than the page). The list answer says so (`meta.totalIsEstimate`, set by the list
// action in resources/define-resource.ts), but AdminJS's list hook keeps only the number; this module
// notes the flag per resource as the answer arrives, before the list shows its total, so the page header
// (overrides/action-header.tsx) can read "aprox. 5.000.000" / "about 5,000,000".
import { ApiClient } from 'adminjs';

type Call = { actionName?: string; resourceId?: string } & Record<string, unknown>;
type ListAnswer = { data?: { meta?: { totalIsEstimate?: boolean } } };

const estimated = new Map<string, boolean>();
const prototype = ApiClient.prototype as unknown as Record<'resourceAction', (options: Call) => Promise<unknown>>;
const resourceAction = prototype.resourceAction;
prototype.resourceAction = function (this: unknown, options: Call) {
  const answer = resourceAction.call(this, options);
  if (options?.actionName !== 'list' || !options.resourceId) return answer;
  const resourceId = options.resourceId;
  return answer.then((response) => {
    estimated.set(resourceId, (response as ListAnswer)?.data?.meta?.totalIsEstimate === true);
    return response;
  });
};

/** Whether the last list of this resource reported an estimated total. */
export function totalIsEstimate(resourceId: string): boolean {
  return estimated.get(resourceId) === true;
}
