import { z } from 'zod';

/** What the bridge keeps of the practice besides patients and ledgers (read with every refresh). */
export const practiceMetaSchema = z.object({
	providers: z.array(z.object({ id: z.string(), abbr: z.string(), name: z.string() })),
	clinics: z.array(z.object({ id: z.string(), name: z.string() })),
	paymentTypes: z.array(z.object({ id: z.string(), name: z.string() })),
	unearnedTypes: z.array(z.object({ id: z.string(), name: z.string(), hidden: z.boolean() })).default([]),
	preferences: z.object({
		prepaymentType: z.string(),
		subtractInsuranceEstimates: z.boolean(),
		adjustmentsOffsetEachOther: z.boolean(),
		clinicsEnabled: z.boolean(),
		order: z.enum(['adjustments_first', 'oldest_first']),
		/** Stored before the field existed: false. */
		payDateChargesFirst: z.boolean().default(false)
	})
});
export type PracticeMeta = z.infer<typeof practiceMetaSchema>;
