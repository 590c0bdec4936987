import type { Charge } from './charge';
import type { ChargeOrder } from './allocationInput';
import { compareIds } from './compareIds';

const KIND_RANK = { procedure: 0, adjustment: 1 } as const;

function compareCodes(a: string | undefined, b: string | undefined): number {
	if (a === b) return 0;
	if (a === undefined) return -1; // a procedure without a code first
	if (b === undefined) return 1;
	return a < b ? -1 : 1;
}

/**
 * Rule 2, the order charges are linked and paid in (Open Dental's `AccountEntrySort`): by date,
 * oldest first; on one date procedures before adjustments, then by code, then by id. Open Dental
 * sorts with an unstable sort, so its ties fall where they may; this order is total (ids are unique
 * per kind), so the result never depends on the order the ledger arrived in.
 * `adjustments_first` puts every adjustment before every procedure (Open Dental up to 19.2).
 */
export function compareCharges(order: ChargeOrder): (a: Charge, b: Charge) => number {
	return (a, b) => {
		if (order === 'adjustments_first' && a.kind !== b.kind) return KIND_RANK[b.kind] - KIND_RANK[a.kind];
		if (a.date !== b.date) return a.date < b.date ? -1 : 1;
		if (a.kind !== b.kind) return KIND_RANK[a.kind] - KIND_RANK[b.kind];
		return compareCodes(a.code, b.code) || compareIds(a.id, b.id);
	};
}
