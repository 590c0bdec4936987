import { z } from 'zod';
import { paymentIntentSchema } from '../payment/paymentIntent';
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

/** `GET /payments/:id` (DESIGN §6). */
export const paymentDetailSchema = z.object({
	payment: paymentIntentSchema,
	status: paymentStatusSchema,
	reason: z.string().optional(),
	splits: z.array(allocationSplitSchema).optional(),
	matchesAllocation: z.boolean().optional(),
	history: z.array(historyEntrySchema)
});
export type PaymentDetail = z.infer<typeof paymentDetailSchema>;
