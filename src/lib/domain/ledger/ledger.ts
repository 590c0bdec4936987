import { z } from 'zod';
import { centsSchema } from '../money/cents';
import { isoDateSchema } from '../dates/isoDate';

/**
 * One family's ledger, as the allocation engine takes it (`shared/allocation.md`) and as the bridge
 * sends it to devices (`Family.ledger`, DESIGN §6). Ids are the PMS's own, as strings.
 */
/**
 * An id, as the PMS gives it and devices send it back. Ids are compared exactly, so rather than
 * normalised like other text (`text/plainText`) a malformed one is refused: no control character, no
 * broken (lone surrogate) character, no space at either end. One regular expression, since a large
 * practice's feed carries hundreds of thousands of ids.
 */
/** What an id may look like (see `idSchema`). */
export const ID_TEXT = /^(?!\s)[^\p{Cc}\p{Cs}\u2028\u2029]*(?<!\s)$/u;

/**
 * `ID_TEXT.test`, fast for the ids PMSes use (printable ASCII without spaces: numbers, codes), which
 * a large ledger holds by the hundred thousand; anything else goes to the regular expression.
 */
export function isIdText(text: string): boolean {
	for (let i = 0; i < text.length; i++) {
		const unit = text.charCodeAt(i);
		if (unit < 0x21 || unit > 0x7e) return ID_TEXT.test(text);
	}
	return true;
}
export const idSchema = z
	.string({ error: 'must be an id (text)' })
	.min(1, { message: 'must not be empty' })
	.max(64, { message: 'must be at most 64 characters' })
	.regex(ID_TEXT, { message: 'must be an id: printable text, no control characters or line breaks, no spaces at either end' });
export type Id = z.infer<typeof idSchema>;

export const claimStatusSchema = z.enum([
	'estimate',
	'not_received',
	'cap_estimate',
	'ins_hist',
	'received',
	'supplemental',
	'cap_complete',
	'cap_claim',
	'preauth'
]);
export type ClaimStatus = z.infer<typeof claimStatusSchema>;

export const claimSchema = z.object({
	status: claimStatusSchema,
	insPayEst: centsSchema.optional(),
	writeOffEst: centsSchema.nullable().optional(),
	writeOffEstOverride: centsSchema.nullable().optional(),
	insPayAmt: centsSchema.optional(),
	writeOff: centsSchema.optional(),
	noBillIns: z.boolean().optional()
});
export type Claim = z.infer<typeof claimSchema>;

export const ledgerPatientSchema = z.object({
	id: idSchema,
	guarantorId: idSchema,
	primaryProviderId: idSchema
});

export const unearnedTypeSchema = z.object({ id: idSchema, name: z.string(), hidden: z.boolean() });

export const procedureSchema = z.object({
	id: idSchema,
	patientId: idSchema,
	providerId: idSchema,
	clinicId: idSchema.nullable(),
	date: isoDateSchema,
	status: z.enum(['complete', 'treatment_planned']),
	code: z.string().optional(),
	description: z.string().optional(),
	fee: centsSchema,
	units: z.number().int({ message: 'must be a whole number' }),
	claims: z.array(claimSchema)
});
export type Procedure = z.infer<typeof procedureSchema>;

export const adjustmentSchema = z.object({
	id: idSchema,
	patientId: idSchema,
	providerId: idSchema,
	clinicId: idSchema.nullable(),
	date: isoDateSchema,
	amount: centsSchema,
	procedureId: idSchema.nullable(),
	description: z.string().optional()
});
export type Adjustment = z.infer<typeof adjustmentSchema>;

export const ledgerSplitSchema = z.object({
	id: idSchema,
	paymentId: idSchema,
	patientId: idSchema,
	providerId: idSchema.nullable(),
	clinicId: idSchema.nullable(),
	date: isoDateSchema,
	amount: centsSchema,
	procedureId: idSchema.nullable(),
	adjustmentId: idSchema.nullable(),
	unearnedType: idSchema.nullable()
});
export type LedgerSplit = z.infer<typeof ledgerSplitSchema>;

export const ledgerSchema = z.object({
	patients: z.array(ledgerPatientSchema),
	unearnedTypes: z.array(unearnedTypeSchema),
	procedures: z.array(procedureSchema),
	adjustments: z.array(adjustmentSchema),
	splits: z.array(ledgerSplitSchema)
});
export type Ledger = z.infer<typeof ledgerSchema>;
