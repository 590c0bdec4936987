import { z } from 'zod';
import { centsSchema } from '../money/cents';
import { isoDateSchema } from '../dates/isoDate';
import { idSchema, ledgerSchema } from '../ledger/ledger';

export const patientSchema = z.object({
	id: idSchema,
	guarantorId: idSchema,
	firstName: z.string(),
	lastName: z.string(),
	birthDate: isoDateSchema.optional(),
	clinicId: idSchema.optional()
});
export type Patient = z.infer<typeof patientSchema>;

export const familySchema = z.object({
	guarantorId: idSchema,
	ledger: ledgerSchema,
	/** What the family owes, in cents (negative: the family has credit). See domain/ledger/familyBalance. */
	balance: centsSchema
});
export type Family = z.infer<typeof familySchema>;

/** `GET /patients?since=<cursor>` (DESIGN §6): everything first, then only what changed. */
export const patientsFeedSchema = z.object({
	patients: z.array(patientSchema),
	families: z.array(familySchema),
	removed: z.array(idSchema),
	next: z.string(),
	asOf: z.string()
});
export type PatientsFeed = z.infer<typeof patientsFeedSchema>;
