import type { Id } from '../ledger/ledger';
import type { Charge } from './charge';

/**
 * Rule 7's order for implicit linking and its final step. With "prefer this patient", the paying
 * patient's charges go after the rest of the family, so old credit settles relatives' charges and
 * the new payment can go to the patient's own; the procedures picked to pay first go after
 * everything, since the new payment already went to them. Each part keeps its rule 2 order.
 */
export function linkingOrder(
	charges: readonly Charge[],
	options: { preferPatient: boolean; payingPatientId: Id; payFirst: readonly Id[] }
): Charge[] {
	const picked = new Set(options.payFirst);
	const family: Charge[] = [];
	const own: Charge[] = [];
	const payFirst: Charge[] = [];
	for (const charge of charges) {
		if (charge.kind === 'procedure' && picked.has(charge.id)) payFirst.push(charge);
		else if (options.preferPatient && charge.patientId === options.payingPatientId) own.push(charge);
		else family.push(charge);
	}
	return family.concat(own, payFirst);
}
