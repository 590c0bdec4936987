import type { Ledger } from '../ledger/ledger';
import { bucketOrder } from './bucketOrder';
import { compareIds } from './compareIds';
import type { Credits } from './credits';
import { dayBuckets } from './dayBuckets';
import { daySlot } from './daySlot';
import type { LedgerRefs } from './ledgerRefs';
import type { OwnerNumbers } from './ownerNumbers';

/**
 * Rule 7's free credit: the splits left after explicit linking (`unlinked`), except those of a
 * hidden unearned type (Open Dental's "do not show on account" types, such as Treat Plan
 * Prepayment, are money held for planned work, not credit), taken by date, then id. A split naming
 * an unearned type that is not in the list counts as visible: the ledger, not the engine, owns the
 * list of types.
 */
export function freeCredits(ledger: Ledger, refs: LedgerRefs, unlinked: Int32Array, owners: OwnerNumbers): Credits {
	const { splits } = ledger;
	const hidden = new Set<string>();
	for (const type of ledger.unearnedTypes) if (type.hidden) hidden.add(type.id);

	const visible = new Int32Array(unlinked.length);
	let count = 0;
	for (let index = 0; index < unlinked.length; index++) {
		const split = unlinked[index] as number;
		const type = (splits[split] as Ledger['splits'][number]).unearnedType;
		if (type === null || !hidden.has(type)) visible[count++] = split;
	}

	const buckets = new Int32Array(count);
	for (let index = 0; index < count; index++) buckets[index] = daySlot((splits[visible[index] as number] as Ledger['splits'][number]).date);
	const dayCount = dayBuckets(buckets);
	const idValues = refs.splits.values;
	const idOf = (index: number): string => (splits[visible[index] as number] as Ledger['splits'][number]).id;
	// Credits of one bucket share a date. Split ids are unique, so this order is total.
	const compare = (a: number, b: number): number =>
		(idValues[visible[a] as number] as number) - (idValues[visible[b] as number] as number) || compareIds(idOf(a), idOf(b));
	const order = bucketOrder(buckets, dayCount, compare);

	const amount = new Float64Array(count);
	const owner = new Int32Array(count);
	for (let position = 0; position < count; position++) {
		const index = visible[order[position] as number] as number;
		amount[position] = (splits[index] as Ledger['splits'][number]).amount;
		owner[position] = owners.splits[index] as number;
	}
	return { amount, owner };
}
