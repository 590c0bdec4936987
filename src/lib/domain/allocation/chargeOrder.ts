import type { AllocationInput } from './allocationInput';
import { bucketOrder } from './bucketOrder';
import type { Charges } from './charges';
import { codeRanks } from './codeRanks';
import { compareIds } from './compareIds';
import { dayBuckets } from './dayBuckets';
import { daySlot } from './daySlot';
import type { LedgerRefs } from './ledgerRefs';

/** Codes join the buckets while there are at most this many buckets per charge (and this many for any ledger). */
const BUCKETS_PER_CHARGE = 8;
const MIN_BUCKETS = 1_024;

/**
 * Rule 2, the order charges are linked and paid in (Open Dental's `AccountEntrySort`): by date,
 * oldest first; on one date procedures before adjustments, then by code (a procedure without one
 * first), then by id (`compareIds`). `adjustments_first` puts every adjustment before every
 * procedure (Open Dental up to 19.2). Open Dental sorts with an unstable sort, so its ties fall
 * where they may; this order is total (ids are unique per kind), so the result never depends on
 * the order the ledger arrived in. Returns the charges (treatment-planned procedures left out) in
 * that order.
 *
 * Date, kind and code make the bucket of `bucketOrder` — the code only while the buckets stay few,
 * which they do for any real ledger; the comparator decides the rest (code, then id) within one
 * date and kind.
 */
export function chargeOrder(input: AllocationInput, refs: LedgerRefs, charges: Charges): Int32Array {
	const { procedures, adjustments } = input.ledger;
	const { procedureCount, count, isCharge } = charges;

	// Each charge's day, then its place among the days, then (below) its bucket: one column, rewritten in place.
	const buckets = new Int32Array(count);
	for (let index = 0; index < procedureCount; index++) buckets[index] = daySlot((procedures[index] as (typeof procedures)[number]).date);
	for (let index = 0; index < adjustments.length; index++) buckets[procedureCount + index] = daySlot((adjustments[index] as (typeof adjustments)[number]).date);
	const dayCount = dayBuckets(buckets);
	const codes = codeRanks(procedures, count);
	const codeRank = codes.ranks;
	const withCodes = 2 * dayCount * codes.count <= BUCKETS_PER_CHARGE * count + MIN_BUCKETS;
	const adjustmentsFirst = input.options.order === 'adjustments_first';

	for (let charge = 0; charge < count; charge++) {
		if (isCharge[charge] === 0) {
			buckets[charge] = -1;
			continue;
		}
		const day = buckets[charge] as number;
		const adjustment = charge >= procedureCount ? 1 : 0;
		const slot = adjustmentsFirst ? (1 - adjustment) * dayCount + day : day * 2 + adjustment;
		buckets[charge] = withCodes ? slot * codes.count + (codeRank[charge] as number) : slot;
	}

	const procedureIds = refs.procedures.values;
	const adjustmentIds = refs.adjustments.values;
	const idOf = (charge: number): string =>
		charge < procedureCount ? (procedures[charge] as (typeof procedures)[number]).id : (adjustments[charge - procedureCount] as (typeof adjustments)[number]).id;
	// Two charges of one bucket have the same date and kind. Whole-number ids compare by value;
	// a difference of NaN (some other id) falls through to compareIds.
	const compare = (a: number, b: number): number =>
		(codeRank[a] as number) - (codeRank[b] as number) ||
		(a < procedureCount ? (procedureIds[a] as number) - (procedureIds[b] as number) : (adjustmentIds[a - procedureCount] as number) - (adjustmentIds[b - procedureCount] as number)) ||
		compareIds(idOf(a), idOf(b));

	return bucketOrder(buckets, withCodes ? 2 * dayCount * codes.count : 2 * dayCount, compare);
}
