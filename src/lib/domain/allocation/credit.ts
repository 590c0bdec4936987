import type { Id } from '../ledger/ledger';

/**
 * An existing split not linked to any charge (rule 7's "free credit"): money already on the
 * family's account. `amount` is what is still unused; it shrinks as implicit linking spends it.
 */
export type Credit = {
	readonly id: Id;
	readonly patientId: Id;
	readonly providerId: Id | null;
	/** Already `null` when clinics are off (rule 1). */
	readonly clinicId: Id | null;
	readonly date: string;
	amount: number;
};
