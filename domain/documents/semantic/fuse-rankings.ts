// Reciprocal rank fusion (Cormack, Clarke & Büttcher, 2009): each list gives an item 1 / (k + its place);
// the sums order the fused list. It needs no common scale between ts_rank_cd and cosine distance, and
// k = 60 is the value the paper found robust.
export const RRF_K = 60;

export function fuseRankings<Id>(rankings: Id[][], k = RRF_K): { id: Id; score: number }[] {
  const scores = new Map<Id, number>();
  for (const ranking of rankings) ranking.forEach((id, place) => scores.set(id, (scores.get(id) ?? 0) + 1 / (k + place + 1)));
  return [...scores].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score);
}
