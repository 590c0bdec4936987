import type { Charge } from './charge';

/** Codes come from the PMS unchecked; a long one is cut so the sentence stays short (splits allow 500 characters). */
const MAX_CODE = 24;

/**
 * Names a charge for staff: "D2740 (procedure 5) on 2024-02-05 for patient 10, provider 3" (a
 * procedure without a code is "procedure 5"; an adjustment is "adjustment 7"). Ids are the PMS's own, which staff see there.
 */
export function describeCharge(charge: Charge): string {
	const what =
		charge.kind === 'procedure'
			? charge.code !== undefined && charge.code.trim() !== ''
				? `${charge.code.length > MAX_CODE ? `${charge.code.slice(0, MAX_CODE)}…` : charge.code} (procedure ${charge.id})`
				: `procedure ${charge.id}`
			: `adjustment ${charge.id}`;
	const clinic = charge.clinicId === null ? '' : `, clinic ${charge.clinicId}`;
	return `${what} on ${charge.date} for patient ${charge.patientId}, provider ${charge.providerId}${clinic}`;
}
