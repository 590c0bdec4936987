import { z } from 'zod';

/**
 * The answer of `POST /processor/events` (200): a repeat of an event id changes nothing and says
 * so; otherwise what the event did. The processor only needs the 200; the rest is for people
 * reading its delivery log.
 */
export const processorEventAnswerSchema = z.discriminatedUnion('duplicate', [
	z.object({ duplicate: z.literal(true), eventId: z.string() }),
	z.object({
		duplicate: z.literal(false),
		eventId: z.string(),
		outcome: z.enum(['matched', 'mismatched', 'unmatched', 'already_settled', 'declined', 'returned']),
		applied: z.boolean(),
		paymentId: z.string().optional(),
		message: z.string()
	})
]);
export type ProcessorEventAnswer = z.infer<typeof processorEventAnswerSchema>;
