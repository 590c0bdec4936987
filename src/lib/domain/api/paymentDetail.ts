import { z } from 'zod';
import { storedPaymentIntentSchema } from '../payment/paymentIntent';
import { paymentStatusSchema } from '../payment/PaymentStatus';
import { allocationSplitSchema } from '../allocation/allocationSplit';

export const historyEntrySchema = z.object({
	status: paymentStatusSchema,
	at: z.string(),
	cause: z.string(),
	actor: z.string(),
	reason: z.string().optional()
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** A split as the PMS holds it (read back): no reason, the PMS gives none. */
export const pmsSplitSchema = allocationSplitSchema.omit({ reason: true });
const splitListSchema = z.array(pmsSplitSchema);

/**
 * `GET /payments/:id` (DESIGN §6). `splits` are the PMS's, read back at verification;
 * `allocation` is what Paysplit's engine computed against the ledger at posting time, and
 * `matchesAllocation` / `allocationDifference` compare the two (information for support).
 */
export const paymentDetailSchema = z.object({
	payment: storedPaymentIntentSchema,
	status: paymentStatusSchema,
	reason: z.string().optional(),
	/** The PMS's id for it (its first row), and every row it became (NexHealth writes one per charge). */
	pmsPaymentId: z.string().optional(),
	pmsPaymentIds: z.array(z.string()).optional(),
	splits: splitListSchema.optional(),
	allocation: z.array(allocationSplitSchema).optional(),
	matchesAllocation: z.boolean().optional(),
	allocationDifference: z.object({ onlyInPms: splitListSchema, onlyInPaysplit: splitListSchema }).optional(),
	history: z.array(historyEntrySchema)
});
export type PaymentDetail = z.infer<typeof paymentDetailSchema>;
