// Maps from a key to the ids filed under it: the claim index's postings
// (term → names) and its name maps (key → claims). Pure TypeScript.

export function push(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}

/** Take an id out of a posting list: swapped with the last and popped (order in a posting does not matter). */
export function pull(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (!list) return;
  const at = list.lastIndexOf(id);
  if (at < 0) return;
  const last = list.pop() as number;
  if (at < list.length) list[at] = last;
  if (list.length === 0) map.delete(key);
}
