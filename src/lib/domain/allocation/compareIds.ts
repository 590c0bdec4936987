const ZERO = 48;
const NINE = 57;

/**
 * Where the value of a whole-number id starts (its first digit after leading zeros, keeping one
 * digit for "000"), or −1 when the id is not a whole number ("", "-1", "9a").
 */
function valueStart(id: string): number {
	if (id.length === 0) return -1;
	let start = -1;
	for (let index = 0; index < id.length; index++) {
		const code = id.charCodeAt(index);
		if (code < ZERO || code > NINE) return -1;
		if (start === -1 && code !== ZERO) start = index;
	}
	return start === -1 ? id.length - 1 : start;
}

/** Plain text order by UTF-16 code units (what `<` does on strings; no locale, so the same everywhere). */
function compareText(a: string, b: string): number {
	if (a === b) return 0;
	return a < b ? -1 : 1;
}

/**
 * The id order of `shared/allocation.md` rule 2, the last tie-break between charges and between
 * credits: whole-number ids by value ("2" before "10"), equal values by their text ("007" before
 * "7"), whole-number ids before all others, the others by their text. Open Dental's own ids are
 * numbers (ProcNum, AdjNum, SplitNum), so this keeps its creation order; values are compared as
 * digit strings, so ids longer than a safe integer still order exactly. It runs inside sorts of
 * whole ledgers, so it reads characters in place and builds no strings.
 */
export function compareIds(a: string, b: string): number {
	const aStart = valueStart(a);
	const bStart = valueStart(b);
	if (aStart >= 0 && bStart >= 0) {
		const aLength = a.length - aStart;
		const bLength = b.length - bStart;
		if (aLength !== bLength) return aLength - bLength;
		for (let offset = 0; offset < aLength; offset++) {
			const difference = a.charCodeAt(aStart + offset) - b.charCodeAt(bStart + offset);
			if (difference !== 0) return difference;
		}
		return compareText(a, b);
	}
	if (aStart >= 0) return -1;
	if (bStart >= 0) return 1;
	return compareText(a, b);
}
