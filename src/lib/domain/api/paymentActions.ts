import { z } from 'zod';
import { isoTimestampSchema } from '../dates/isoDate';
import { looksLikeCardNumber } from '../text/findCardNumber';

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

/**
 * `GET /changes` (DESIGN §6). Cursors are opaque to devices, so only their presence is checked.
 * `status` stays a plain string: a bridge newer than the device may send a status the device does
 * not know, and that must not make the whole page unreadable (the device skips such a change).
 */
export const changeSchema = z.object({
	cursor: z.string().min(1, { message: 'must not be empty' }),
	id: z.string().min(1, { message: 'must not be empty' }),
	status: z.string(),
	at: isoTimestampSchema,
	reason: z.string().optional()
});
export const changesResponseSchema = z.object({ changes: z.array(changeSchema), next: z.string().min(1, { message: 'must not be empty' }) });
export type ChangesResponse = z.infer<typeof changesResponseSchema>;
