/** Days spanning up to this many numbers per entry (and this many for any ledger) are counted through; past that, ranked. */
const SPAN_PER_ENTRY = 4;
const MIN_SPAN = 256;

/**
 * Replaces each day (`daySlot`) of `days` by its place among them, keeping their order: 0 for the
 * earliest, and equal days equal; returns how many places there are. When the days span few
 * numbers — any ledger of real dates, whose entries crowd into a few years — that is just the
 * distance from the earliest, with gaps; otherwise it is the rank among the distinct days, found by
 * a sort. Either way the count is at most `SPAN_PER_ENTRY × days.length + MIN_SPAN`, so a counting
 * sort over the places stays linear.
 */
export function dayBuckets(days: Int32Array): number {
	if (days.length === 0) return 0;
	let min = Number.POSITIVE_INFINITY;
	let max = Number.NEGATIVE_INFINITY;
	for (let index = 0; index < days.length; index++) {
		const day = days[index] as number;
		if (day < min) min = day;
		if (day > max) max = day;
	}
	if (max - min < SPAN_PER_ENTRY * days.length + MIN_SPAN) {
		for (let index = 0; index < days.length; index++) days[index] = (days[index] as number) - min;
		return max - min + 1;
	}
	// Sparse days (a short ledger spread over decades, or a made-up one): rank them.
	const sorted = days.slice().sort();
	let distinct = 0;
	for (let index = 0; index < sorted.length; index++) {
		if (index === 0 || sorted[index] !== sorted[distinct - 1]) sorted[distinct++] = sorted[index] as number;
	}
	for (let index = 0; index < days.length; index++) {
		const day = days[index] as number;
		let low = 0;
		let high = distinct - 1;
		while (low < high) {
			const middle = (low + high) >>> 1;
			if ((sorted[middle] as number) < day) low = middle + 1;
			else high = middle;
		}
		days[index] = low;
	}
	return distinct;
}
