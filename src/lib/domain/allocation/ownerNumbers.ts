import type { Id } from '../ledger/ledger';

/** Who an entry belongs to: the key of explicit links (rules 3–5) and, field by field, of rule 7's layers. */
export type Owner = { readonly patientId: Id; readonly providerId: Id | null; readonly clinicId: Id | null };

/** An owner with each of its fields numbered too (patients, providers and clinics each from 0), for rule 7's layer keys. */
export type NumberedOwner = Owner & { readonly patient: number; readonly provider: number; readonly clinic: number };

function numberIn(numbers: Map<Id | null, number>, id: Id | null): number {
	let number = numbers.get(id);
	if (number === undefined) {
		number = numbers.size;
		numbers.set(id, number);
	}
	return number;
}

/**
 * Numbers each distinct (patient, provider, clinic) once, so the engine groups entries by a small
 * integer instead of building a string key per entry for every layer (a family has a few dozen
 * owners however long its ledger). Nested maps rather than a joined string: ids may contain any
 * character, so no separator is safe, and a lookup by the ids themselves builds nothing.
 */
export class OwnerNumbers {
	/** Owner `n` is `owners[n]`. */
	readonly owners: NumberedOwner[] = [];
	readonly #byPatient = new Map<Id, Map<Id | null, Map<Id | null, number>>>();
	readonly #patients = new Map<Id | null, number>();
	readonly #providers = new Map<Id | null, number>();
	readonly #clinics = new Map<Id | null, number>();

	numberOf(patientId: Id, providerId: Id | null, clinicId: Id | null): number {
		let byProvider = this.#byPatient.get(patientId);
		if (!byProvider) {
			byProvider = new Map();
			this.#byPatient.set(patientId, byProvider);
		}
		let byClinic = byProvider.get(providerId);
		if (!byClinic) {
			byClinic = new Map();
			byProvider.set(providerId, byClinic);
		}
		let number = byClinic.get(clinicId);
		if (number === undefined) {
			number = this.owners.length;
			this.owners.push({
				patientId,
				providerId,
				clinicId,
				patient: numberIn(this.#patients, patientId),
				provider: numberIn(this.#providers, providerId),
				clinic: numberIn(this.#clinics, clinicId)
			});
			byClinic.set(clinicId, number);
		}
		return number;
	}
}
