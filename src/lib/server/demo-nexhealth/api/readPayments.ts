import type { NexContext } from './nexContext';
import { formatPayment, type PaymentRow } from './nexFormat';
import { choicesParam } from './nexQuery';
import { ledgerIncludes } from './ledgerIncludes';
import { includes, readLedgerList } from './readLedgerList';
import { readOne } from './readOne';

/**
 * GET /payments (operation getPayments): the location's payments by at least one of patient,
 * provider, guarantor, charge, claim, transaction id or updated_since. `transaction_id` finds every
 * row one POST /payments made (one per charge split, one for the remainder; twice if it was posted
 * twice), which is how a caller learns that a write landed.
 */
export function readPayments(ctx: NexContext, url: URL): Promise<Response> {
	return readLedgerList(ctx, url, {
		resource: 'payments',
		table: 'nexhealth.payment',
		idFilters: { patient_id: 'patient_id', provider_id: 'provider_id', guarantor_id: 'guarantor_id', charge_id: 'charge_id', claim_id: 'claim_id' },
		textFilters: { transaction_id: 'transaction_id' },
		requireOneOf: ['patient_id', 'provider_id', 'guarantor_id', 'charge_id', 'claim_id', 'transaction_id', 'updated_since'],
		sortable: ['updated_at', '-updated_at'],
		format: (rows) => rows.map((row) => formatPayment(row as PaymentRow))
	});
}

const PAYMENT_INCLUDES = ['patient', 'provider', 'guarantor', 'claim', 'charge', 'payment_plan', 'payment_type'] as const;

/** GET /payments/{id} (getPaymentsId), with include[]. */
export function readPayment(ctx: NexContext, url: URL, id: number): Promise<Response> {
	return readOne(ctx, url, id, {
		table: 'nexhealth.payment',
		label: 'Payment',
		extra: { 'include[]': choicesParam(PAYMENT_INCLUDES) },
		format: async (row, query) => ({ ...formatPayment(row as PaymentRow), ...(await ledgerIncludes(ctx, row, includes(query), 'payment_type')) })
	});
}

