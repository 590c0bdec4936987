/**
 * A valid YYYY-MM-DD date as the number YYYYMMDD, which orders as the text does. Sorting a large
 * ledger compares dates tens of thousands of times; two numbers compare at once, where two date
 * strings read from different places must be compared character by character.
 */
export function dayNumber(date: string): number {
	return (
		(date.charCodeAt(0) - 48) * 10_000_000 +
		(date.charCodeAt(1) - 48) * 1_000_000 +
		(date.charCodeAt(2) - 48) * 100_000 +
		(date.charCodeAt(3) - 48) * 10_000 +
		(date.charCodeAt(5) - 48) * 1_000 +
		(date.charCodeAt(6) - 48) * 100 +
		(date.charCodeAt(8) - 48) * 10 +
		(date.charCodeAt(9) - 48)
	);
}
