import { z } from 'zod';
import { centsSchema } from '../money/cents';
import { idSchema } from '../ledger/ledger';

/** One split of a payment, as the allocation engine proposes it (`shared/allocation.md`). */
export const allocationSplitSchema = z.object({
	patientId: idSchema,
	providerId: idSchema.nullable(),
	clinicId: idSchema.nullable(),
	amount: centsSchema,
	procedureId: idSchema.optional(),
	adjustmentId: idSchema.optional(),
	unearnedType: idSchema.optional(),
	reason: z.string().max(500)
});
export type AllocationSplit = z.infer<typeof allocationSplitSchema>;
