import type { Id } from '../ledger/ledger';
import type { ChargeKind } from './chargeKind';

/**
 * One entry of the family's account while the engine works on it (Open Dental's `AccountEntry`):
 * who owes it, and the balance still open. Only `balance` changes as credits are linked; every
 * step of `allocate` works on its own fresh list, so nothing outside the engine is ever mutated.
 */
export type Charge = {
	readonly kind: ChargeKind;
	readonly id: Id;
	/** `wholeIdValue(id)`, computed once for sorting (rule 2's last tie-break). */
	readonly idValue: number;
	readonly patientId: Id;
	readonly providerId: Id;
	/** Already `null` when clinics are off (rule 1). */
	readonly clinicId: Id | null;
	readonly date: string;
	/** `dayNumber(date)`, computed once for sorting (rule 2). */
	readonly day: number;
	/** The procedure code, for ordering (rule 2) and for staff; adjustments have none. */
	readonly code: string | undefined;
	/** For an adjustment, the procedure it names (rules 3–5); `null` when unattached and for procedures. */
	readonly procedureId: Id | null;
	/** The number of (patient, provider, clinic) in the run's `OwnerNumbers`: the grouping key of rules 5 and 7. */
	readonly owner: number;
	/** What is still owed, in cents; negative for a credit on the account (a discount, an over-paid procedure). */
	balance: number;
};

/** True when two entries belong to the same patient, provider and clinic, the key of explicit links (rules 3–5). */
export function sameOwner(
	a: { patientId: Id; providerId: Id | null; clinicId: Id | null },
	b: { patientId: Id; providerId: Id | null; clinicId: Id | null }
): boolean {
	return a.patientId === b.patientId && a.providerId === b.providerId && a.clinicId === b.clinicId;
}
