import type { Id } from '../ledger/ledger';

/**
 * An existing split not linked to any charge (rule 7's "free credit"): money already on the
 * family's account. `amount` is what is still unused; it shrinks as implicit linking spends it.
 */
export type Credit = {
	readonly id: Id;
	/** `wholeIdValue(id)`, computed once for sorting. */
	readonly idValue: number;
	readonly patientId: Id;
	readonly providerId: Id | null;
	/** Already `null` when clinics are off (rule 1). */
	readonly clinicId: Id | null;
	readonly date: string;
	/** `dayNumber(date)`, computed once for sorting (rule 7: by date, then id). */
	readonly day: number;
	/** The number of (patient, provider, clinic) in the run's `OwnerNumbers`: the grouping key of rule 7. */
	readonly owner: number;
	amount: number;
};
