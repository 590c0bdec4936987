import type { Id } from '../ledger/ledger';
import type { Charge } from './charge';

/**
 * Rule 8's order for the new payment: rule 2 order, except that with "prefer this patient" the
 * paying patient's charges come first (Open Dental re-sorts after implicit linking). Each part
 * keeps its order.
 */
export function paymentOrder(charges: readonly Charge[], preferPatient: boolean, payingPatientId: Id): readonly Charge[] {
	if (!preferPatient) return charges;
	const own: Charge[] = [];
	const family: Charge[] = [];
	for (const charge of charges) (charge.patientId === payingPatientId ? own : family).push(charge);
	return own.concat(family);
}
