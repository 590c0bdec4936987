import type { Charge } from './charge';
import type { ChargeOrder } from './allocationInput';
import { compareIds } from './compareIds';

const kindRank = (charge: Charge): number => (charge.kind === 'procedure' ? 0 : 1);

function compareCodes(a: string | undefined, b: string | undefined): number {
	if (a === b) return 0;
	if (a === undefined) return -1; // a procedure without a code first
	if (b === undefined) return 1;
	return a < b ? -1 : 1;
}

// One comparator per order, each a chain of number differences: a sort of a large ledger calls it
// hundreds of thousands of times. Same kind on the same date falls to the code, then the id.
const sameDateAndKind = (a: Charge, b: Charge): number => compareCodes(a.code, b.code) || a.idValue - b.idValue || compareIds(a.id, b.id);
const oldestFirst = (a: Charge, b: Charge): number => a.day - b.day || kindRank(a) - kindRank(b) || sameDateAndKind(a, b);
const adjustmentsFirst = (a: Charge, b: Charge): number => kindRank(b) - kindRank(a) || a.day - b.day || sameDateAndKind(a, b);

/**
 * Rule 2, the order charges are linked and paid in (Open Dental's `AccountEntrySort`): by date,
 * oldest first; on one date procedures before adjustments, then by code, then by id. Open Dental
 * sorts with an unstable sort, so its ties fall where they may; this order is total (ids are unique
 * per kind), so the result never depends on the order the ledger arrived in.
 * `adjustments_first` puts every adjustment before every procedure (Open Dental up to 19.2).
 */
export function compareCharges(order: ChargeOrder): (a: Charge, b: Charge) => number {
	return order === 'adjustments_first' ? adjustmentsFirst : oldestFirst;
}
