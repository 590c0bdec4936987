/**
 * A valid YYYY-MM-DD date as a small number that orders as the date does: (year × 12 + month) ×
 * 31 + day, counting from 0. Unlike `dayNumber`'s YYYYMMDD, which leaves 8,800 unused numbers a
 * year, this leaves at most 7 (the short months' missing days), so the dates of a six-year ledger
 * fall within about 2,200 numbers: few enough to sort by counting (`dayBuckets`). Plain arithmetic,
 * no division: it runs for every charge and credit.
 */
export function daySlot(date: string): number {
	const year =
		(date.charCodeAt(0) - 48) * 1000 + (date.charCodeAt(1) - 48) * 100 + (date.charCodeAt(2) - 48) * 10 + (date.charCodeAt(3) - 48);
	const month = (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48) - 1;
	const day = (date.charCodeAt(8) - 48) * 10 + (date.charCodeAt(9) - 48) - 1;
	return (year * 12 + month) * 31 + day;
}
