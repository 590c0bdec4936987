import { z } from 'zod';
import { centsSchema, paymentAmountSchema } from '../money/cents';
import { isoTimestampSchema } from '../dates/isoDate';
import { requiredText } from '../text/plainText';
import type { SettlementKind, SettlementReport } from './settlementReport';

export const PROCESSOR_EVENT_TYPES = ['payment.settled', 'payment.declined', 'payment.returned'] as const;

const text = (max: number) => requiredText(max);

/**
 * The body of `POST /processor/events` (DESIGN §6). Amounts are cents, as every Paysplit wire amount.
 * Fields the processor adds beyond these are ignored rather than refused: the body is already
 * authenticated by its signature, and refusing a new field would make the processor retry the same
 * event forever.
 */
export const processorEventSchema = z.object({
	id: text(200),
	type: z.enum(PROCESSOR_EVENT_TYPES, { error: `must be one of: ${PROCESSOR_EVENT_TYPES.join(', ')}` }),
	/** The card terminal's reference or the ACH reference the payment was taken with. */
	reference: text(200),
	amount: paymentAmountSchema,
	occurredAt: isoTimestampSchema,
	fee: centsSchema.refine((v) => v >= 0, { message: 'must be 0 or more cents' }).optional()
});
export type ProcessorEvent = z.infer<typeof processorEventSchema>;

const KIND_OF: Record<ProcessorEvent['type'], SettlementKind> = {
	'payment.settled': 'settled',
	'payment.declined': 'declined',
	'payment.returned': 'returned'
};

/** The report a processor event makes, for `applySettlement`. */
export function reportFromProcessorEvent(event: ProcessorEvent): SettlementReport {
	return {
		source: 'webhook',
		eventId: event.id,
		kind: KIND_OF[event.type],
		reference: event.reference,
		amountCents: event.amount,
		feeCents: event.fee ?? null,
		occurredAt: event.occurredAt
	};
}
