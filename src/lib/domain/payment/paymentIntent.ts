import { z } from 'zod';
import { paymentAmountSchema } from '../money/cents';
import { isoDateSchema, isoTimestampSchema } from '../dates/isoDate';
import { uuidV7Schema } from '../ids/uuid';
import { idSchema } from '../ledger/ledger';
import { allocationSplitSchema } from '../allocation/allocationSplit';
import { plainText, requiredText } from '../text/plainText';

/**
 * The text fields of a payment, and how long each may be. A new payment's text must pass the one
 * text rule (`text/plainText`: well-formed, no control characters, normalised, no card number); a
 * payment read back from a store may predate that rule, so it is read by shape only (below).
 */
type TextRule = (max: number, options: { required: boolean; lines?: boolean }) => z.ZodType<string>;

const strict: TextRule = (max, { required, lines = false }) => plainText({ max, min: required ? 1 : 0, lines });
const stored: TextRule = (max) => z.string().max(max * 4);

/**
 * A card brand starts with a letter ("Visa", "Amex"): the PMS note reads "… · Visa card ending 4242",
 * and a brand of digits after a reference ending in digits could read as one long number.
 */
const cardBrand = strict(32, { required: true }).refine((brand) => /^\p{L}/u.test(brand), { message: 'must start with a letter (for example Visa, Mastercard, Amex, Discover)' });

function methodSchema(text: TextRule) {
	return z.discriminatedUnion(
		'kind',
		[
			z.strictObject({ kind: z.literal('cash') }),
			// Open Dental keeps a check number in a varchar(25) (payment.CheckNum): a longer one would be
			// refused by the PMS after the payment was taken, so it is refused at the desk.
			z.strictObject({ kind: z.literal('check'), checkNumber: text(25, { required: true }) }),
			z.strictObject({
				kind: z.literal('card'),
				terminalRef: text(64, { required: true }),
				brand: text === strict ? cardBrand : text(32, { required: true }),
				last4: z.string().regex(/^[0-9]{4}$/, { message: 'must be exactly 4 digits (0-9)' })
			}),
			z.strictObject({ kind: z.literal('ach'), reference: text(64, { required: true }) })
		],
		{ error: 'must be one of: cash, check, card, ach' }
	);
}

export const paymentMethodSchema = methodSchema(strict);
export type PaymentMethod = z.infer<typeof paymentMethodSchema>;
export type PaymentMethodKind = PaymentMethod['kind'];

export const allocationChoiceSchema = z.strictObject({
	preferPatient: z.boolean().optional(),
	payFirst: z.array(idSchema).max(100, { message: 'must name at most 100 procedures' }).optional()
});

/** What the device's preview showed, sent along (advisory): the engine's reasons are text too. */
const previewSplitSchema = allocationSplitSchema.extend({ reason: plainText({ max: 500 }) });

function intentSchema(text: TextRule, preview: z.ZodType<z.infer<typeof allocationSplitSchema>>) {
	return z.strictObject({
		id: uuidV7Schema,
		patientId: idSchema,
		amount: paymentAmountSchema,
		method: methodSchema(text),
		payDate: isoDateSchema,
		takenAt: isoTimestampSchema,
		takenBy: text(100, { required: true }).optional(),
		clinicId: idSchema.optional(),
		note: text(500, { required: false, lines: true }).optional(),
		allocation: allocationChoiceSchema.optional(),
		preview: z.array(preview).max(500).optional()
	});
}

/** A payment as the device sends it (DESIGN §6). The id is the idempotency key end to end. */
export const paymentIntentSchema = intentSchema(strict, previewSplitSchema);
export type PaymentIntent = z.infer<typeof paymentIntentSchema>;

/**
 * A payment as a store holds it (the bridge's journal, a device's database) or an answer echoes it:
 * the same shape, text read as it was saved. It was checked by the rules in force when it was taken;
 * a later, stricter rule must not make a journaled payment unreadable (the posting worker, the
 * Needs attention list and a device's list of its payments all read these).
 */
export const storedPaymentIntentSchema = intentSchema(stored, allocationSplitSchema);
