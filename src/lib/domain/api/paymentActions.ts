import { z } from 'zod';
import { isoTimestampSchema } from '../dates/isoDate';
import { plainText, requiredText } from '../text/plainText';

/** Who did it: a staff name as the device knows it. */
const who = requiredText(100);

/** `POST /payments/:id/retry` (DESIGN §6): who asks. */
export const retryRequestSchema = z.strictObject({ by: who.optional() });
/** `POST /payments/:id/void`: why, and who. */
export const voidRequestSchema = z.strictObject({
	reason: plainText({ max: 500, min: 1, lines: true }),
	by: who.optional()
});
/** `POST /payments/:id/posted {by}`: the person who keyed it into the PMS. */
export const markPostedRequestSchema = z.strictObject({ by: who, pmsReference: plainText({ max: 100 }).optional() });

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
