import type { GroupRange } from './linkImplicitGroup';

/** Items laid out group after group: group `g` is `slots[starts[g]]` … `slots[starts[g + 1] − 1]`. */
export type Dealt<T> = { readonly slots: readonly T[]; readonly starts: Int32Array };

/**
 * Rule 7's grouping for one layer, as a counting sort: the items whose group is live (`live[g] ===
 * 1`), group after group, each group keeping the items' order. `owners[i]` is the owner number of
 * `items[i]` and `groupOf[owner]` its group among `count`. Two passes over the owners and one
 * array of slots, where a list per group for each of the eight layers would grow thousands of
 * small arrays on a large ledger.
 */
export function dealIntoGroups<T>(items: readonly T[], owners: ArrayLike<number>, groupOf: Int32Array, live: Uint8Array, count: number): Dealt<T> {
	const starts = new Int32Array(count + 1);
	for (let index = 0; index < owners.length; index++) {
		const group = groupOf[owners[index] as number] as number;
		if (live[group] === 1) starts[group + 1] = (starts[group + 1] as number) + 1;
	}
	for (let group = 0; group < count; group++) starts[group + 1] = (starts[group + 1] as number) + (starts[group] as number);
	const slots = new Array<T>(starts[count] as number);
	const next = starts.slice(0, count);
	for (let index = 0; index < owners.length; index++) {
		const group = groupOf[owners[index] as number] as number;
		if (live[group] !== 1) continue;
		slots[next[group] as number] = items[index] as T;
		next[group] = (next[group] as number) + 1;
	}
	return { slots, starts };
}

/** Group `group` of `dealt`, as `linkImplicitGroup` takes it. */
export function groupRange<T>(dealt: Dealt<T>, group: number): GroupRange<T> {
	return { items: dealt.slots, from: dealt.starts[group] as number, to: dealt.starts[group + 1] as number };
}
