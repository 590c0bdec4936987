import { formatUuidV7 } from '$lib/domain/ids/uuid';
import type { PaymentIntent } from '$lib/domain/payment/paymentIntent';
import { practiceDay } from '../../../../support/practiceDay';

let counter = 0;

/** A distinct, valid UUIDv7 for each call (deterministic: the counter is the "random" part). */
export function nextPaymentId(at = Date.parse('2026-11-23T14:00:00.000Z')): string {
	counter += 1;
	const random = new Uint8Array(10);
	new DataView(random.buffer).setUint32(6, counter);
	return formatUuidV7(at, random);
}

/** A valid payment intent draft (cash, $25.00 for patient "1" unless told otherwise). */
export function makeIntent(overrides: Partial<Record<keyof PaymentIntent, unknown>> = {}): PaymentIntent {
	return {
		id: nextPaymentId(),
		patientId: '1',
		amount: 2500,
		method: { kind: 'cash' },
		// The practice's day at the doubles' fixed clock.
		payDate: practiceDay(0, new Date('2026-11-23T14:00:00.000Z')),
		takenAt: '2026-11-23T14:00:00.000Z',
		...overrides
	} as PaymentIntent;
}
