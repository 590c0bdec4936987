import { err, ok, type Result } from '../result';
import { MAX_PAYMENT_CENTS, type Cents } from './cents';

export type MoneyParseError = { code: 'empty' | 'not_a_number' | 'negative' | 'too_many_decimals' | 'zero' | 'too_large'; message: string };

// Digits with optional thousands separators in groups of three, or plain digits; then at most
// two decimals. "$" and surrounding spaces are allowed; nothing else is.
const MONEY = /^\$?\s*((?:\d{1,3}(?:,\d{3})+)|\d+)?(?:\.(\d*))?$/;

/**
 * Parses what staff type into integer cents, straight from the text, never through a float:
 * "12.5" → 1250, "$1,234.56" → 123456. A payment amount must be more than zero and at most
 * $1,000,000.00; anything else gets a plain-language reason.
 */
export function parseMoney(text: string): Result<Cents, MoneyParseError> {
	const trimmed = text.trim();
	if (trimmed === '') return err({ code: 'empty', message: 'Enter an amount, for example 125.00.' });
	if (/^-|^\$\s*-/.test(trimmed)) {
		return err({ code: 'negative', message: `"${trimmed}" is negative: enter the amount received, more than $0.00.` });
	}
	const match = MONEY.exec(trimmed);
	const whole = match?.[1];
	const fraction = match?.[2];
	if (!match || (whole === undefined && (fraction === undefined || fraction === ''))) {
		return err({ code: 'not_a_number', message: `"${trimmed}" is not an amount: use digits, like 125 or 1,234.56.` });
	}
	if (fraction !== undefined && fraction.length > 2) {
		return err({ code: 'too_many_decimals', message: `"${trimmed}" has more than two decimals: amounts are in whole cents.` });
	}
	const dollarsText = (whole ?? '0').replaceAll(',', '');
	// Compare lengths before converting so that a 400-digit string never becomes a huge float.
	const dollarsDigits = dollarsText.replace(/^0+(?=\d)/, '');
	const maxDollars = String(MAX_PAYMENT_CENTS / 100);
	if (dollarsDigits.length > maxDollars.length) return tooLarge(trimmed);
	const centsText = (fraction ?? '').padEnd(2, '0');
	const value = Number(dollarsDigits) * 100 + Number(centsText);
	if (value > MAX_PAYMENT_CENTS) return tooLarge(trimmed);
	if (value === 0) return err({ code: 'zero', message: 'The amount must be more than $0.00.' });
	return ok(value as Cents);
}

function tooLarge(text: string): { ok: false; error: MoneyParseError } {
	return err({ code: 'too_large', message: `"${text}" is over the $1,000,000.00 limit for one payment.` });
}
