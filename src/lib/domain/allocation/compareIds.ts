const WHOLE_NUMBER = /^[0-9]+$/;

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
 * digit strings, so ids longer than a safe integer still order exactly.
 */
export function compareIds(a: string, b: string): number {
	const aWhole = WHOLE_NUMBER.test(a);
	const bWhole = WHOLE_NUMBER.test(b);
	if (aWhole && bWhole) {
		const aValue = a.replace(/^0+(?=[0-9])/, '');
		const bValue = b.replace(/^0+(?=[0-9])/, '');
		if (aValue.length !== bValue.length) return aValue.length - bValue.length;
		return compareText(aValue, bValue) || compareText(a, b);
	}
	if (aWhole) return -1;
	if (bWhole) return 1;
	return compareText(a, b);
}
