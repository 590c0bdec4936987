import type { Id } from '../ledger/ledger';
import type { Charge } from './charge';

/**
 * Rule 8's order for the new payment: rule 2 order, except that with "prefer this patient" the
 * paying patient's charges come first (Open Dental re-sorts after implicit linking). Each part
 * keeps its order.
 */
export function paymentOrder(charges: readonly Charge[], preferPatient: boolean, payingPatientId: Id): Charge[] {
	if (!preferPatient) return [...charges];
	return [
		...charges.filter((charge) => charge.patientId === payingPatientId),
		...charges.filter((charge) => charge.patientId !== payingPatientId)
	];
}
