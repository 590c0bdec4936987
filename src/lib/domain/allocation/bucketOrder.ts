/** Buckets up to this size are put in order by insertion; larger ones by the built-in sort. */
const INSERTION_MAX = 16;

/**
 * The items `i` with `buckets[i] ≥ 0` (a bucket of −1 leaves the item out), by bucket, and within
 * a bucket by `compare`, which must order any two items of one bucket (it is never asked about two
 * of different buckets).
 *
 * Why not one `sort` with a comparator of the whole order: on a large ledger that is tens of
 * thousands of items times 16 comparisons, each reading dates, codes and ids. Here the bucket is
 * the coarse part of the order (a day, a kind, a code — numbers below `count`, which the caller
 * keeps in proportion to the items), placed by counting in linear time; what is left for
 * `compare` is the few items that share a bucket, usually already in order, since ledgers arrive
 * in id order.
 */
export function bucketOrder(buckets: Int32Array, count: number, compare: (a: number, b: number) => number): Int32Array {
	const starts = new Int32Array(count + 1);
	for (let item = 0; item < buckets.length; item++) {
		const bucket = buckets[item] as number;
		if (bucket >= 0) starts[bucket + 1] = (starts[bucket + 1] as number) + 1;
	}
	for (let bucket = 0; bucket < count; bucket++) starts[bucket + 1] = (starts[bucket + 1] as number) + (starts[bucket] as number);
	const order = new Int32Array(starts[count] as number);
	const next = starts.slice(0, count);
	for (let item = 0; item < buckets.length; item++) {
		const bucket = buckets[item] as number;
		if (bucket < 0) continue;
		order[next[bucket] as number] = item;
		next[bucket] = (next[bucket] as number) + 1;
	}
	for (let bucket = 0; bucket < count; bucket++) {
		const from = starts[bucket] as number;
		const to = starts[bucket + 1] as number;
		if (to - from < 2) continue;
		if (to - from <= INSERTION_MAX) insertionSort(order, from, to, compare);
		else order.set(Array.from(order.subarray(from, to)).sort(compare), from);
	}
	return order;
}

function insertionSort(items: Int32Array, from: number, to: number, compare: (a: number, b: number) => number): void {
	for (let index = from + 1; index < to; index++) {
		const item = items[index] as number;
		let place = index;
		while (place > from && compare(items[place - 1] as number, item) > 0) {
			items[place] = items[place - 1] as number;
			place--;
		}
		items[place] = item;
	}
}
