import { z } from 'zod';
import { looksLikeCardNumber } from '../payment/looksLikeCardNumber';

const who = z
	.string()
	.trim()
	.min(1, { message: 'must name the person' })
	.max(100, { message: 'must be at most 100 characters' })
	.refine((text) => !looksLikeCardNumber(text), { message: 'looks like a card number' });

/** `POST /payments/:id/retry` (DESIGN §6): who asks. */
export const retryRequestSchema = z.strictObject({ by: who.optional() });
/** `POST /payments/:id/void`: why, and who. */
export const voidRequestSchema = z.strictObject({
	reason: z.string().trim().min(1, { message: 'must say why the payment is voided' }).max(500, { message: 'must be at most 500 characters' }).refine((t) => !looksLikeCardNumber(t), { message: 'looks like a card number' }),
	by: who.optional()
});
/** `POST /payments/:id/posted {by}`: the person who keyed it into the PMS. */
export const markPostedRequestSchema = z.strictObject({ by: who, pmsReference: z.string().trim().max(100).optional() });

/** `GET /changes` (DESIGN §6). */
export const changeSchema = z.object({
	cursor: z.string(),
	id: z.string(),
	status: z.string(),
	at: z.string(),
	reason: z.string().optional()
});
export const changesResponseSchema = z.object({ changes: z.array(changeSchema), next: z.string() });
export type ChangesResponse = z.infer<typeof changesResponseSchema>;
