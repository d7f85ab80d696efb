// How far a list's pager reaches. AdminJS's pager draws its pages from the total; ours is not always a
// count: PostgreSQL's estimate of 5 000 000 orders would offer a "last page" at offset 5 000 000, and a
// capped count ("más de 1.000") would stop the person at page 100 of a longer list.
export type ListMeta = { total: number; page: number; perPage: number; totalIsMoreThan?: boolean };

/**
 * The rows the pager pages through: the total, within the list's window (its first `window` rows: pages
 * beyond are refused, see LIST_WINDOW). Past a capped count the pager reaches one page further than the
 * one shown while pages come back full, so the person can always page forward; a short page is the end.
 */
export function listPager(meta: ListMeta, rowsOnPage: number, window: number): number {
  const shownSoFar = (meta.page - 1) * meta.perPage + rowsOnPage;
  let reach = meta.total;
  if (meta.totalIsMoreThan) reach = rowsOnPage === meta.perPage ? Math.max(meta.total + 1, shownSoFar + 1) : Math.max(meta.total, shownSoFar);
  return Math.min(reach, window);
}
