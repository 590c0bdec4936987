import { z } from 'zod';
import { storedPaymentIntentSchema } from '../payment/paymentIntent';
import { bridgeStatusSchema } from '../payment/PaymentStatus';
import { historyEntrySchema } from './paymentDetail';

/**
 * A payment the bridge stopped on (`needs_attention`), with what a person needs to decide: the
 * payment, whose it is, why it stopped, where it stopped, and its history. Their choices (DESIGN §2):
 * try again, mark it posted (keyed into the PMS by hand, or found there), or void it (manager).
 */
export const attentionItemSchema = z.object({
	id: z.string(),
	payment: storedPaymentIntentSchema,
	patientName: z.string().nullable(),
	reason: z.string(),
	/** The status it was in when it stopped: a retry goes back there (posting reads the PMS back first). */
	stoppedAt: bridgeStatusSchema.nullable(),
	since: z.string(),
	/** Set when the PMS already holds a payment for it (it stopped after writing, e.g. at verification): the first of its rows. */
	pmsPaymentId: z.string().nullable(),
	/** Every PMS row it became (NexHealth writes one per charge). */
	pmsPaymentIds: z.array(z.string()).default([]),
	history: z.array(historyEntrySchema)
});
export type AttentionItem = z.infer<typeof attentionItemSchema>;

/**
 * A write-back status or patient note the PMS refused (issue 6). The payment itself is in the
 * ledger; a person adds the status or note by hand in the PMS if the practice wants it.
 */
export const failedFollowUpSchema = z.object({
	paymentId: z.string(),
	kind: z.enum(['writeback_status', 'patient_note']),
	/** The status id, or the note's text, that was to be written. */
	value: z.string(),
	patientName: z.string().nullable(),
	patientId: z.string(),
	amount: z.number().int(),
	pmsPaymentId: z.string().nullable(),
	error: z.string(),
	at: z.string()
});
export type FailedFollowUp = z.infer<typeof failedFollowUpSchema>;

/**
 * `GET /attention` → every payment that needs a person, the longest waiting first; and the follow-ups
 * the PMS refused lately (last 14 days, newest first, at most 50).
 */
export const attentionResponseSchema = z.object({ payments: z.array(attentionItemSchema), truncated: z.boolean(), failedFollowUps: z.array(failedFollowUpSchema) });
export type AttentionResponse = z.infer<typeof attentionResponseSchema>;
