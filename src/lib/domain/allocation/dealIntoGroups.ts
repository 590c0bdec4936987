/** Items laid out group after group: group `g` is `slots[starts[g]]` … `slots[starts[g + 1] − 1]`. */
export type Dealt = { readonly slots: Int32Array; readonly starts: Int32Array };

/**
 * A grouping as a counting sort: the items (numbers: charges or credits) whose group is live
 * (`live[g] === 1`; every group when `live` is undefined), group after group, each group keeping
 * the items' order. The items are `items[0]` … `items[length − 1]`, `owners[i]` is the owner number
 * of `items[i]` and `groupOf[owner]` its group among `count`. Two passes over the owners and one array of slots, where a list per group for
 * each of rule 7's eight layers would grow thousands of small arrays on a large ledger.
 */
export function dealIntoGroups(items: Int32Array, owners: Int32Array, length: number, groupOf: Int32Array, live: Uint8Array | undefined, count: number): Dealt {
	const starts = new Int32Array(count + 1);
	for (let index = 0; index < length; index++) {
		const group = groupOf[owners[index] as number] as number;
		if (live === undefined || live[group] === 1) starts[group + 1] = (starts[group + 1] as number) + 1;
	}
	for (let group = 0; group < count; group++) starts[group + 1] = (starts[group + 1] as number) + (starts[group] as number);
	const slots = new Int32Array(starts[count] as number);
	const next = starts.slice(0, count);
	for (let index = 0; index < length; index++) {
		const group = groupOf[owners[index] as number] as number;
		if (live !== undefined && live[group] !== 1) continue;
		slots[next[group] as number] = items[index] as number;
		next[group] = (next[group] as number) + 1;
	}
	return { slots, starts };
}
