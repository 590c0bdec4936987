import { paymentNote } from '$lib/domain/payment/paymentDescription';
import { err, ok, type Result } from '$lib/domain/result';
import type { PmsPaymentRequest } from '../PmsConnector';
import { paymentToWire } from './nexMoney';
import { nexPaidAt } from './nexPaidAt';
import { nexTransactionId } from './nexTransactionId';

/** The body of POST /payments (schema postPayments). Amounts in decimal dollars, negative: a payment. */
type NexPaymentBody = {
	payment: {
		patient_id: number;
		amount: number;
		currency: 'USD';
		payment_type_id: number;
		transaction_id: string;
		paid_at: string;
		charge_splits?: Record<string, number>;
		notes: string;
	};
};

const WHOLE = /^[1-9]\d{0,15}$/;

/**
 * What Paysplit sends for a payment (DESIGN §7; docs/nexhealth-connector.md, "Writing"):
 * - "Post payment and allocate": explicit `charge_splits` — each of Paysplit's splits that pays a
 *   charge (`procedureId` = the NexHealth charge id), summed per charge, so that the preview is what
 *   lands. What they leave over (the engine's unapplied remainder, and a split onto an adjustment,
 *   which `charge_splits` cannot name) gets no split: NexHealth lands it as a row with no charge,
 *   the family's unapplied credit.
 * - "Post payment only": no splits at all.
 * The transaction id carries the payment id; the note leads with `Paysplit <id>` for staff, since
 * the transaction id is not shown in the PMS. A bad request is refused here, never sent.
 */
export function nexPaymentBody(request: PmsPaymentRequest, timeZone: string): Result<NexPaymentBody, string> {
	if (!Number.isSafeInteger(request.amount) || request.amount <= 0) return err(`amount ${request.amount} is not a payment: NexHealth is sent payments of at least 1 cent (refunds are not written back)`);
	if (!WHOLE.test(request.patientId)) return err(`patient ${JSON.stringify(request.patientId)} is not a NexHealth patient id`);
	if (!WHOLE.test(request.paymentTypeId)) return err(`payment type ${JSON.stringify(request.paymentTypeId)} is not a NexHealth payment type id`);
	const perCharge = new Map<string, number>();
	if (request.mode === 'allocate') {
		for (const split of request.splits) {
			if (!split.procedureId) continue;
			if (!WHOLE.test(split.procedureId)) return err(`split for charge ${JSON.stringify(split.procedureId)}: not a NexHealth charge id`);
			if (!Number.isSafeInteger(split.amount) || split.amount <= 0) return err(`split for charge ${split.procedureId} is ${split.amount} cents: a payment's split is at least 1 cent`);
			perCharge.set(split.procedureId, (perCharge.get(split.procedureId) ?? 0) + split.amount);
		}
	}
	const splitTotal = [...perCharge.values()].reduce((sum, amount) => sum + amount, 0);
	if (splitTotal > request.amount) return err(`the splits add up to ${splitTotal} cents, more than the payment's ${request.amount}`);
	return ok({
		payment: {
			patient_id: Number(request.patientId),
			amount: paymentToWire(request.amount),
			currency: 'USD',
			payment_type_id: Number(request.paymentTypeId),
			transaction_id: nexTransactionId(request.paymentId),
			paid_at: nexPaidAt(request.payDate, timeZone),
			...(perCharge.size > 0 ? { charge_splits: Object.fromEntries([...perCharge].map(([charge, amount]) => [charge, paymentToWire(amount)])) } : {}),
			notes: paymentNote(request.paymentId, request.description)
		}
	});
}
