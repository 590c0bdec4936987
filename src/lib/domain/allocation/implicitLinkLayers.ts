import type { Id } from '../ledger/ledger';

type Owned = { readonly patientId: Id; readonly providerId: Id | null; readonly clinicId: Id | null };
type Field = 'providerId' | 'patientId' | 'clinicId';

/**
 * Rule 7's eight layers, tightest first (Open Dental's `CreateImplicitLinkBucketsForLayer`):
 * provider+patient+clinic, provider+patient, provider+clinic, patient+clinic, provider, patient,
 * clinic, everything. A split with no provider has `null` there, which no charge has, so it first
 * meets charges in the patient+clinic layer.
 */
const LAYERS: readonly (readonly Field[])[] = [
	['providerId', 'patientId', 'clinicId'],
	['providerId', 'patientId'],
	['providerId', 'clinicId'],
	['patientId', 'clinicId'],
	['providerId'],
	['patientId'],
	['clinicId'],
	[]
];

/** One function per layer, giving the key of the group an entry falls in (`null` and ids never collide: JSON keeps them apart). */
export const implicitLinkLayers: readonly ((entry: Owned) => string)[] = LAYERS.map(
	(fields) => (entry: Owned) => JSON.stringify(fields.map((field) => entry[field]))
);
