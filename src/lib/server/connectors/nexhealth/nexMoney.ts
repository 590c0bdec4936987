import { err, ok, type Result } from '$lib/domain/result';
import { centsToDecimal, dollarsTextToCents } from '../../opendental/odMoney';

/**
 * Money at NexHealth's edge. NexHealth speaks signed decimal dollars, signed from the practice's side
 * of the patient's account (docs.nexhealth.com/v20240412/reference/payments: "a payment of $125 is
 * represented as -125.00"):
 * - what raises the balance is positive: a charge's fee, a debit adjustment, a refund;
 * - what lowers it is negative: a payment, a credit adjustment (a write-off, a discount).
 * Claim payouts (what insurance pays or writes off on a charge) are amounts of their own, positive.
 * Read amounts arrive as strings (`{amount: "62.00", currency: "USD"}`); write amounts go as JSON
 * numbers (`"amount": -138.00` in the postPayments schema).
 *
 * Inside Paysplit money is integer cents and a payment is positive (money received). So a payment of
 * 12550 cents is written `-125.5` and a payment row read as "-125.50" is 12550 cents: the sign flips
 * exactly once, here (`paymentToWire`, `paymentFromWire`). The digits never pass through float
 * arithmetic: cents become decimal text digit by digit, and text becomes cents digit by digit (the
 * same converters as Open Dental's edge, odMoney).
 */

/**
 * The largest amount written: 15 significant digits, the most a double carries exactly (DBL_DIG), so
 * that the JSON number's shortest text is exactly the decimal written ($9,999,999,999,999.99).
 */
const MAX_WIRE_CENTS = 999_999_999_999_999;

/**
 * Signed cents → the JSON number NexHealth takes: the decimal text ("-125.50") read as a number. A
 * decimal of at most 15 significant digits is the shortest text of the double nearest to it, so
 * JSON.stringify writes exactly those digits ("-125.5"), and nothing is rounded.
 */
export function centsToWire(cents: number): number {
	if (!Number.isSafeInteger(cents) || Math.abs(cents) > MAX_WIRE_CENTS) throw new RangeError(`${cents} is not an amount of cents NexHealth can be sent exactly`);
	return Number(centsToDecimal(cents));
}

/** A payment of `cents` received (positive) → NexHealth's amount: negative decimal dollars. */
export function paymentToWire(cents: number): number {
	return centsToWire(-cents);
}

/**
 * NexHealth's decimal dollars (a string as it reads them, or a number) → signed cents, digit by digit.
 * Refused, naming the value, when it is not plain decimal or not a whole number of cents ("12.345"):
 * the ledger is the PMS's truth, and rounding it would post against a balance that does not exist.
 * Trailing zeros past the cents are whole cents ("12.340" is 1234).
 */
export function wireToCents(value: string | number, what = 'amount'): Result<number, string> {
	// A number's shortest text is its decimal ("125.5"); one in exponent form ("1e+21") is no amount.
	const text = typeof value === 'number' ? String(value) : value;
	const cents = /^\s*-?\d+(\.\d+)?\s*$/.test(text) ? dollarsTextToCents(text) : null;
	if (cents === null) return err(`${what} ${JSON.stringify(value)} is not a whole number of cents in decimal dollars`);
	return ok(cents);
}

/** A payment row's amount (negative: money received) → Paysplit's cents (positive: money received). */
export function paymentFromWire(cents: number): number {
	return cents === 0 ? 0 : -cents;
}
