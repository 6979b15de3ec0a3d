// Small-cell suppression for open data (pilotage.md §6, ⚙ seuil_secret = k, default 11). Pure.
//
// 1. Primary: a count c with 0 < c < k is hidden (« secret »).
// 2. Secondary: in every additive relation (a total and its members: categories and total, numerator and
//    its complement in the denominator), hide the next smallest published cell until
//    (a) no relation has exactly one hidden cell (it could be recovered by subtraction), and
//    (b) when the total is published, the hidden members add up to 0 or to at least k (the difference
//        « total − published members » never discloses a small group).
// « Structural » cells are never published by construction (e.g. `denominator − numerator` of a rate):
// they count as hidden in the relations, and may be the single hidden cell of a relation (the difference
// is then a value users compute anyway), but their true value still enters rule (b).

export type SecrecyCell = { id: string; value: number; structural?: boolean };
export type SecrecyRelation = { total: string; members: string[] };
export type SuppressionResult = { primary: Set<string>; secondary: Set<string> };

export function suppressSmallCells(
  cells: readonly SecrecyCell[],
  relations: readonly SecrecyRelation[],
  threshold: number,
): SuppressionResult {
  const byId = new Map(cells.map((c) => [c.id, c]));
  const cell = (id: string) => {
    const c = byId.get(id);
    if (!c) throw new Error(`unknown cell ${id}`);
    return c;
  };
  const primary = new Set<string>();
  const secondary = new Set<string>();
  for (const c of cells) if (!c.structural && c.value > 0 && c.value < threshold) primary.add(c.id);
  const hidden = (id: string) => cell(id).structural === true || primary.has(id) || secondary.has(id);

  /** the smallest published cell among `ids` (ties broken by id, so the result is deterministic) */
  const smallestPublished = (ids: readonly string[]): string | undefined =>
    ids
      .filter((id) => !hidden(id))
      .sort((x, y) => cell(x).value - cell(y).value || (x < y ? -1 : x > y ? 1 : 0))[0];

  let changed = true;
  while (changed) {
    changed = false;
    for (const r of relations) {
      const all = [r.total, ...r.members];
      const hiddenIds = all.filter(hidden);
      const singleRecoverable = hiddenIds.length === 1 && !cell(hiddenIds[0]!).structural;
      const hiddenMembersSum = r.members.filter(hidden).reduce((s, id) => s + cell(id).value, 0);
      const smallDifference = !hidden(r.total) && hiddenMembersSum > 0 && hiddenMembersSum < threshold;
      if (!singleRecoverable && !smallDifference) continue;
      const next = smallestPublished(r.members) ?? smallestPublished([r.total]);
      if (next === undefined) continue;
      secondary.add(next);
      changed = true;
    }
  }
  return { primary, secondary };
}
