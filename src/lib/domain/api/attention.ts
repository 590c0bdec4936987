import { z } from 'zod';
import { paymentIntentSchema } from '../payment/paymentIntent';
import { bridgeStatusSchema } from '../payment/PaymentStatus';
import { historyEntrySchema } from './paymentDetail';

/**
 * A payment the bridge stopped on (`needs_attention`), with what a person needs to decide: the
 * payment, whose it is, why it stopped, where it stopped, and its history. Their choices (DESIGN §2):
 * try again, mark it posted (keyed into the PMS by hand, or found there), or void it (manager).
 */
export const attentionItemSchema = z.object({
	id: z.string(),
	payment: paymentIntentSchema,
	patientName: z.string().nullable(),
	reason: z.string(),
	/** The status it was in when it stopped: a retry goes back there (posting reads the PMS back first). */
	stoppedAt: bridgeStatusSchema.nullable(),
	since: z.string(),
	/** Set when the PMS already holds a payment for it (it stopped after writing, e.g. at verification). */
	pmsPaymentId: z.string().nullable(),
	history: z.array(historyEntrySchema)
});
export type AttentionItem = z.infer<typeof attentionItemSchema>;

/** `GET /attention` → every payment that needs a person, the longest waiting first. */
export const attentionResponseSchema = z.object({ payments: z.array(attentionItemSchema), truncated: z.boolean() });
export type AttentionResponse = z.infer<typeof attentionResponseSchema>;
