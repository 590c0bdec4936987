import { z } from 'zod';
import { paymentStatusSchema } from '../payment/PaymentStatus';
import { issueSchema } from './errorBody';

export const MAX_PAYMENTS_PER_BATCH = 100;
export const MAX_BODY_BYTES = 1_048_576;

/**
 * The envelope of `POST /payments`. Items are checked one by one afterwards, so that one bad item
 * never fails the batch; only a malformed envelope (or too many items) refuses the whole request.
 */
export const paymentsBatchEnvelopeSchema = z.strictObject({
	payments: z.array(z.unknown(), { error: 'must be a list of payments' })
});

export const paymentResultSchema = z.discriminatedUnion('outcome', [
	z.object({ id: z.string(), outcome: z.literal('accepted'), status: paymentStatusSchema }),
	z.object({ id: z.string(), outcome: z.literal('duplicate'), status: paymentStatusSchema }),
	z.object({
		id: z.string().nullable(),
		outcome: z.literal('rejected'),
		error: z.object({
			code: z.enum(['invalid', 'unknown_patient']),
			message: z.string(),
			issues: z.array(issueSchema)
		})
	}),
	z.object({
		id: z.string(),
		outcome: z.literal('conflict'),
		error: z.object({ code: z.literal('conflict'), message: z.string() })
	})
]);
export type PaymentResult = z.infer<typeof paymentResultSchema>;

export const paymentsBatchResponseSchema = z.object({ results: z.array(paymentResultSchema) });
export type PaymentsBatchResponse = z.infer<typeof paymentsBatchResponseSchema>;
