/** A field of an entry's owner that a layer of rule 7 groups by. */
export type OwnerField = 'providerId' | 'patientId' | 'clinicId';

/**
 * Rule 7's eight layers, tightest first (Open Dental's `CreateImplicitLinkBucketsForLayer`):
 * provider+patient+clinic, provider+patient, provider+clinic, patient+clinic, provider, patient,
 * clinic, everything. A split with no provider has `null` there, which no charge has, so it first
 * meets charges in the patient+clinic layer.
 */
export const implicitLinkLayers: readonly (readonly OwnerField[])[] = [
	['providerId', 'patientId', 'clinicId'],
	['providerId', 'patientId'],
	['providerId', 'clinicId'],
	['patientId', 'clinicId'],
	['providerId'],
	['patientId'],
	['clinicId'],
	[]
];
