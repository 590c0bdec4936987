/**
 * Rule 7's free credit — existing splits not linked to any charge, money already on the family's
 * account — as columns, in rule 7's order (by date, then id). Only amounts and owners take part in
 * linking, and old credit never becomes a split, so which split a credit came from is not kept.
 */
export type Credits = {
	/** What is still unused, in cents; it moves towards 0 as implicit linking spends it. */
	readonly amount: Float64Array;
	/** `OwnerNumbers.splits` of each credit's split: the grouping key of rule 7. */
	readonly owner: Int32Array;
};
