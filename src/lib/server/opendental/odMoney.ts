/**
 * Money at Open Dental's edges. Inside Paysplit money is integer cents; Open Dental's schema and API
 * carry dollars (double in MySQL, JSON numbers or numeric strings). These convert digit by digit.
 */

/** 12345 → "123.45" (for numeric(12,2) columns and request bodies). */
export function centsToDecimal(cents: number): string {
	if (!Number.isSafeInteger(cents)) throw new RangeError(`${cents} is not a whole number of cents`);
	const sign = cents < 0 ? '-' : '';
	const abs = Math.abs(cents);
	return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * Decimal dollars as text ("123.45", "-0.5", "12", "125.500") → cents, digit by digit; null when the
 * text has fractions of a cent or is not plain decimal. JSON numbers arrive as doubles; their
 * shortest round-trip text (`String(125.5)` = "125.5") is exactly the decimal Open Dental wrote.
 */
export function dollarsTextToCents(text: string): number | null {
	const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text.trim());
	if (!match) return null;
	const fraction = (match[3] ?? '').replace(/0+$/, '');
	if (fraction.length > 2) return null;
	const value = Number(match[2]) * 100 + Number(fraction.padEnd(2, '0'));
	if (!Number.isSafeInteger(value)) return null;
	return match[1] && value !== 0 ? -value : value;
}
