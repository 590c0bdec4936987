import type { Id } from '../ledger/ledger';

/** Rule 1: when clinics are off, every clinic counts as none, in matching and in the splits (Open Dental's ClinicNum 0). */
export function effectiveClinic(clinicId: Id | null, clinicsEnabled: boolean): Id | null {
	return clinicsEnabled ? clinicId : null;
}
