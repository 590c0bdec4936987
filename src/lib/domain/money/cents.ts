import { z } from 'zod';

/**
 * An amount of money in integer cents. Branded so that a plain number (a float from somewhere)
 * cannot be passed where cents are meant without going through `cents()` or a schema.
 */
export type Cents = number & { readonly __brand: 'Cents' };

/** The largest single payment staff may enter: $1,000,000.00 (DESIGN §6: amount ≤ 100_000_000). */
export const MAX_PAYMENT_CENTS = 100_000_000;

/** Brands a safe integer as cents; throws on anything else, because that is a bug in the caller. */
export function cents(value: number): Cents {
	if (!Number.isSafeInteger(value)) {
		throw new RangeError(`${value} is not a whole number of cents`);
	}
	return value as Cents;
}

/** Any signed amount of cents (ledger entries can be negative). */
export const centsSchema = z
	.number({ error: 'must be a number of cents' })
	.refine(Number.isSafeInteger, { message: 'must be a whole number of cents (a safe integer)' })
	.transform((value) => value as Cents);

/** A payment amount: 1 cent … $1,000,000.00. */
export const paymentAmountSchema = z
	.number({ error: 'must be a number of cents' })
	.refine(Number.isSafeInteger, { message: 'must be a whole number of cents (a safe integer)' })
	.refine((value) => value >= 1, { message: 'must be at least 1 cent' })
	.refine((value) => value <= MAX_PAYMENT_CENTS, {
		message: `must be at most ${MAX_PAYMENT_CENTS} cents ($1,000,000.00)`
	})
	.transform((value) => value as Cents);
