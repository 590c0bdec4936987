import type { Cents } from './cents';

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, currency: string): Intl.NumberFormat {
	const key = `${locale}|${currency}`;
	let found = formatters.get(key);
	if (!found) {
		found = new Intl.NumberFormat(locale, { style: 'currency', currency });
		formatters.set(key, found);
	}
	return found;
}

/**
 * Formats cents for people: 123456 → "$1,234.56". The number is handed to Intl as a decimal
 * string built from the integer ("1234.56"), so no binary float ever stands for the amount.
 */
export function formatMoney(amount: Cents | number, locale = 'en-US', currency = 'USD'): string {
	if (!Number.isSafeInteger(amount)) throw new RangeError(`${amount} is not a whole number of cents`);
	const negative = amount < 0;
	const abs = Math.abs(amount);
	const decimal = `${negative ? '-' : ''}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
	// Intl.NumberFormat.format accepts a decimal string and formats it exactly (ES2023 Intl.NumberFormat v3).
	return formatter(locale, currency).format(decimal as unknown as number);
}
