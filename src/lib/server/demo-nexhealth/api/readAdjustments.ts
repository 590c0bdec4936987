import type { NexContext } from './nexContext';
import { formatAdjustment, type AdjustmentRow } from './nexFormat';
import { choicesParam } from './nexQuery';
import { ledgerIncludes } from './ledgerIncludes';
import { includes, readLedgerList } from './readLedgerList';
import { readOne } from './readOne';

/**
 * GET /adjustments (getAdjustments): credits negative (discounts, PPO write-offs taken when a claim
 * came back), debits positive (finance charges, missed-appointment fees, a Dentrix refund).
 */
export function readAdjustments(ctx: NexContext, url: URL): Promise<Response> {
	return readLedgerList(ctx, url, {
		resource: 'adjustments',
		table: 'nexhealth.adjustment',
		idFilters: { patient_id: 'patient_id', provider_id: 'provider_id', guarantor_id: 'guarantor_id', claim_id: 'claim_id', charge_id: 'charge_id' },
		requireOneOf: ['patient_id', 'provider_id', 'guarantor_id', 'claim_id', 'charge_id', 'updated_since'],
		sortable: ['updated_at', '-updated_at'],
		format: (rows) => rows.map((row) => formatAdjustment(row as AdjustmentRow))
	});
}

const ADJUSTMENT_INCLUDES = ['patient', 'provider', 'guarantor', 'claim', 'charge', 'adjustment_type'] as const;

/** GET /adjustments/{id} (getAdjustmentsId), with include[]. */
export function readAdjustment(ctx: NexContext, url: URL, id: number): Promise<Response> {
	return readOne(ctx, url, id, {
		table: 'nexhealth.adjustment',
		label: 'Adjustment',
		extra: { 'include[]': choicesParam(ADJUSTMENT_INCLUDES) },
		format: async (row, query) => ({ ...formatAdjustment(row as AdjustmentRow), ...(await ledgerIncludes(ctx, row, includes(query), 'adjustment_type')) })
	});
}
