// Floods folded: cases of one category in one area, told as one story ("小店区 燃气 ×4，3 条超时")
// that opens to its members; and how many arrived lately, for the flood banner.

/**
 * The hub's settings (Hub:Wall, given by auth/me): foldAt open cases of one category in one area
 * are one group; more than floodCount arriving within floodMinutes under the unit shown is a flood.
 */
export const DEFAULT_FLOOD = { foldAt: 3, floodCount: 10, floodMinutes: 10 };

/** The area a case is told under: the unit just below the one shown, or that unit itself. */
export function areaOf(d, code) {
  const path = d.path || [];
  const at = path.indexOf(code);
  const area = at >= 0 && at + 1 < path.length ? at + 1 : Math.max(at, 0);
  return { code: path[area] ?? code, name: d.pathNames?.[area] ?? path[area] ?? code };
}

/** The groups among `items` (already in importance order): key → { key, area, category, list, members }. */
export function groupsOf(items, code, isOpen, foldAt = DEFAULT_FLOOD.foldAt) {
  const byKey = new Map();
  for (const item of items) {
    const d = item.data;
    if (item.leaving || !isOpen(d)) continue;
    const area = areaOf(d, code);
    const key = `${d.category}|${area.code}|${item.el.dataset.list}`;
    if (!byKey.has(key)) byKey.set(key, { key, area, category: d.category, list: item.el.dataset.list, members: [] });
    byKey.get(key).members.push(item);
  }
  for (const [key, group] of byKey) if (group.members.length < foldAt) byKey.delete(key);
  return byKey;
}

/** How many of the cases arrived within the last `minutes` before `now`. */
export function arrivedLately(items, minutes = DEFAULT_FLOOD.floodMinutes, now = Date.now()) {
  let n = 0;
  for (const item of items) if (!item.leaving && now - (Date.parse(item.data.at) || 0) <= minutes * 60_000) n++;
  return n;
}
