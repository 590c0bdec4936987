import { z } from 'zod';
import { paymentAmountSchema } from '../money/cents';
import { isoDateSchema, isoTimestampSchema } from '../dates/isoDate';
import { uuidV7Schema } from '../ids/uuid';
import { idSchema } from '../ledger/ledger';
import { allocationSplitSchema } from '../allocation/allocationSplit';
import { looksLikeCardNumber } from '../text/findCardNumber';

/** Free text that must never carry a card number. */
const safeText = (max: number) =>
	z
		.string()
		.max(max, { message: `must be at most ${max} characters` })
		.refine((text) => !looksLikeCardNumber(text), {
			message: 'looks like a card number: Paysplit never stores card numbers (record the terminal reference and last four)'
		});

const requiredText = (max: number) => safeText(max).refine((text) => text.trim() !== '', { message: 'must not be empty' });

export const paymentMethodSchema = z.discriminatedUnion(
	'kind',
	[
		z.strictObject({ kind: z.literal('cash') }),
		z.strictObject({ kind: z.literal('check'), checkNumber: requiredText(32) }),
		z.strictObject({
			kind: z.literal('card'),
			terminalRef: requiredText(64),
			brand: requiredText(32),
			last4: z.string().regex(/^\d{4}$/, { message: 'must be exactly 4 digits' })
		}),
		z.strictObject({ kind: z.literal('ach'), reference: requiredText(64) })
	],
	{ error: 'must be one of: cash, check, card, ach' }
);
export type PaymentMethod = z.infer<typeof paymentMethodSchema>;
export type PaymentMethodKind = PaymentMethod['kind'];

export const allocationChoiceSchema = z.strictObject({
	preferPatient: z.boolean().optional(),
	payFirst: z.array(idSchema).max(100, { message: 'must name at most 100 procedures' }).optional()
});

/** A payment as the device sends it (DESIGN §6). The id is the idempotency key end to end. */
export const paymentIntentSchema = z.strictObject({
	id: uuidV7Schema,
	patientId: idSchema,
	amount: paymentAmountSchema,
	method: paymentMethodSchema,
	payDate: isoDateSchema,
	takenAt: isoTimestampSchema,
	takenBy: requiredText(100).optional(),
	clinicId: idSchema.optional(),
	note: safeText(500).optional(),
	allocation: allocationChoiceSchema.optional(),
	preview: z.array(allocationSplitSchema).max(500).optional()
});
export type PaymentIntent = z.infer<typeof paymentIntentSchema>;
