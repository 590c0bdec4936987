/** Ids longer than this may not be exact as a number (2^53 has 16 digits). */
const MAX_DIGITS = 15;

/**
 * The value of an id written as a plain whole number — digits only, no leading zero, at most 15
 * digits, as Open Dental's ProcNum, AdjNum and SplitNum are — or NaN for any other id. Two such
 * values compare as `compareIds` compares their ids; computed once per entry, they let a sort of
 * thousands of charges compare numbers instead of reading id strings character by character.
 * NaN makes every difference NaN, which `||` passes over to `compareIds`.
 */
export function wholeIdValue(id: string): number {
	if (id.length === 0 || id.length > MAX_DIGITS || (id.length > 1 && id.charCodeAt(0) === 48)) return Number.NaN;
	let value = 0;
	for (let index = 0; index < id.length; index++) {
		const digit = id.charCodeAt(index) - 48;
		if (digit < 0 || digit > 9) return Number.NaN;
		value = value * 10 + digit;
	}
	return value;
}
