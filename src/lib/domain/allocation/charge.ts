import type { Id } from '../ledger/ledger';
import type { AllocationInput } from './allocationInput';
import type { ChargeKind } from './chargeKind';
import { effectiveClinic } from './effectiveClinic';

/**
 * One charge as staff see it in a split: what it is and who owes it. Made only for the charges the
 * new payment reaches (`chargeOf`); while linking, the engine works on the columns of `Charges`.
 */
export type Charge = {
	readonly kind: ChargeKind;
	readonly id: Id;
	readonly patientId: Id;
	readonly providerId: Id;
	/** Already `null` when clinics are off (rule 1). */
	readonly clinicId: Id | null;
	readonly date: string;
	/** The procedure code, for staff; adjustments have none. */
	readonly code: string | undefined;
};

/** Charge `charge` of `Charges` (procedures first, then adjustments), read back from the input. */
export function chargeOf(input: AllocationInput, charge: number): Charge {
	const { procedures, adjustments } = input.ledger;
	const clinicsEnabled = input.options.clinicsEnabled;
	if (charge < procedures.length) {
		const procedure = procedures[charge] as (typeof procedures)[number];
		const { id, patientId, providerId, date, code } = procedure;
		return { kind: 'procedure', id, patientId, providerId, clinicId: effectiveClinic(procedure.clinicId, clinicsEnabled), date, code };
	}
	const adjustment = adjustments[charge - procedures.length] as (typeof adjustments)[number];
	const { id, patientId, providerId, date } = adjustment;
	return { kind: 'adjustment', id, patientId, providerId, clinicId: effectiveClinic(adjustment.clinicId, clinicsEnabled), date, code: undefined };
}
