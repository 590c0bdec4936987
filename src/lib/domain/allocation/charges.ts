/**
 * The family's account while the engine works on it (Open Dental's `AccountEntry` list), as
 * columns rather than one object per entry: charge `c` is `ledger.procedures[c]` for `c <
 * procedureCount`, else `ledger.adjustments[c − procedureCount]`. A large family has tens of
 * thousands of charges of which a few dozen are paid; an object each (a dozen fields, most of them
 * copies of the input) was most of what the engine allocated, and the collector copied each of
 * them as it aged. Columns are a few bytes per charge, and the engine only reads the input entry
 * back for the charges it names in a split (`chargeOf`).
 */
export type Charges = {
	readonly procedureCount: number;
	/** Procedures and adjustments: the number of rows of every column. */
	readonly count: number;
	/** What is still owed, in cents; negative for a credit on the account (a discount, an over-paid procedure). Every step of `allocate` changes it; the input never changes. */
	readonly balance: Float64Array;
	/** `OwnerNumbers.charges`: the grouping key of rules 3–5 and 7. */
	readonly owner: Int32Array;
	/** 1 for a completed procedure and for every adjustment (rule 1); 0 for a treatment-planned procedure, which is never paid. */
	readonly isCharge: Uint8Array;
	/** 1 for an adjustment with no `procedureId`, the "unattached" of rules 5 and 7. */
	readonly unattached: Uint8Array;
};
