import type { Patient } from '$lib/domain/api/patientsFeed';
import { isIsoDate } from '$lib/domain/dates/isoDate';
import type { NexPatient } from './nexWire';

/**
 * A patient's guarantor (NexHealth's "responsible party"): `guarantor_id`, where 0, null or the
 * patient's own id mean the patient is their own guarantor (docs: GET /patients/{id}).
 */
export function nexGuarantorId(patient: Pick<NexPatient, 'id' | 'guarantor_id'>): string {
	return String(patient.guarantor_id ? patient.guarantor_id : patient.id);
}

/** A NexHealth patient as devices list it. NexHealth has no clinics: a location is one practice. */
export function toPatient(patient: NexPatient): Patient {
	const birthDate = patient.bio?.date_of_birth?.slice(0, 10);
	return {
		id: String(patient.id),
		guarantorId: nexGuarantorId(patient),
		firstName: patient.first_name ?? '',
		lastName: patient.last_name ?? '',
		...(birthDate && isIsoDate(birthDate) ? { birthDate } : {})
	};
}
