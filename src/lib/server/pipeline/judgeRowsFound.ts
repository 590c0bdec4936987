import type { Cents } from '$lib/domain/money/cents';
import type { PmsCapabilities, PmsPayment } from '../connectors/PmsConnector';

/**
 * What the PMS rows found under a payment's reference say (DESIGN §3):
 * - `none`: not there (yet);
 * - `complete`: the payment is in the PMS — one row (a PMS that writes one), or rows that add up to
 *   its amount (NexHealth writes one per charge and one for the rest);
 * - `partial`: some of its rows, adding up to less (they appear on the PMS's read cycle);
 * - `too_many`: more than the payment — written twice; a person must offset the extra ones.
 */
export type RowsFound = { kind: 'none' } | { kind: 'complete'; rows: PmsPayment[] } | { kind: 'partial'; total: Cents } | { kind: 'too_many'; rows: PmsPayment[] };

export function judgeRowsFound(found: readonly PmsPayment[], amount: Cents, rowsPerPayment: PmsCapabilities['rowsPerPayment']): RowsFound {
	if (found.length === 0) return { kind: 'none' };
	if (rowsPerPayment === 'one') return found.length === 1 ? { kind: 'complete', rows: [...found] } : { kind: 'too_many', rows: [...found] };
	const total = found.reduce((sum, row) => sum + row.amount, 0) as Cents;
	if (total === amount) return { kind: 'complete', rows: [...found] };
	return total < amount ? { kind: 'partial', total } : { kind: 'too_many', rows: [...found] };
}
