import { err, ok, type Result } from '../result';
import { MAX_PAYMENT_CENTS, type Cents } from '../money/cents';

// Plain digits or digits grouped by thousands, then an optional fraction; an optional "$" before.
const DOLLARS = /^\$?((?:\d{1,3}(?:,\d{3})+)|\d+)(?:\.(\d+))?$/;

/**
 * Decimal dollars as a settlement file writes them ("125.50", "1,234.5", "$12", "12.340") → cents,
 * digit by digit, never through a float (STYLE: Actual Budget's float conversion is the mistake to
 * avoid). Trailing zeros past the cents are allowed, because the value is still whole cents;
 * "12.345" is not. `what` names the column in the message; `allowZero` is for fees.
 */
export function parseDollars(text: string, what: string, options: { allowZero?: boolean } = {}): Result<Cents, string> {
	const trimmed = text.trim();
	if (trimmed === '') return err(`${what} is empty: write decimal dollars, e.g. 125.50`);
	if (/^-|^\$-|^\(/.test(trimmed)) return err(`${what} "${trimmed}" is negative: a settlement file lists money received (refunds and chargebacks are handled by hand)`);
	const match = DOLLARS.exec(trimmed);
	if (!match || match[1] === undefined) return err(`${what} "${trimmed}" is not an amount in dollars: use digits with up to two decimals, e.g. 125.50`);
	const fraction = (match[2] ?? '').replace(/0+$/, '');
	if (fraction.length > 2) return err(`${what} "${trimmed}" has fractions of a cent: use at most two decimals`);
	const dollars = match[1].replaceAll(',', '').replace(/^0+(?=\d)/, '');
	// Compare lengths first, so that a 400-digit amount never becomes a huge float.
	if (dollars.length > String(MAX_PAYMENT_CENTS / 100).length) return tooLarge(what, trimmed);
	const value = Number(dollars) * 100 + Number(fraction.padEnd(2, '0'));
	if (value > MAX_PAYMENT_CENTS) return tooLarge(what, trimmed);
	if (value === 0 && !options.allowZero) return err(`${what} "${trimmed}" is zero: a settlement is for more than $0.00`);
	return ok(value as Cents);
}

function tooLarge(what: string, text: string): { ok: false; error: string } {
	return err(`${what} "${text}" is over $1,000,000.00, the most one payment can be`);
}
