import type { OwnerField } from './implicitLinkLayers';
import type { NumberedOwner } from './ownerNumbers';

/**
 * The groups of one layer of rule 7, owner by owner: `groupOf[n]` is the group of owner `n` (owners
 * that agree on `fields` share a group), numbered 0 … `count` − 1. Keyed per owner, not per entry,
 * so the cost does not grow with the ledger; the key is built from the owners' field numbers, so
 * no id is ever joined into a string.
 */
export function layerGroups(owners: readonly NumberedOwner[], fields: readonly OwnerField[]): { groupOf: Int32Array; count: number } {
	const usePatient = fields.includes('patientId');
	const useProvider = fields.includes('providerId');
	const useClinic = fields.includes('clinicId');
	const numbers = new Map<string, number>();
	const groupOf = new Int32Array(owners.length);
	for (let owner = 0; owner < owners.length; owner++) {
		const entry = owners[owner] as NumberedOwner;
		// −1 for a field the layer ignores; field numbers are 0 or more, so keys never collide.
		const key = `${usePatient ? entry.patient : -1},${useProvider ? entry.provider : -1},${useClinic ? entry.clinic : -1}`;
		let group = numbers.get(key);
		if (group === undefined) {
			group = numbers.size;
			numbers.set(key, group);
		}
		groupOf[owner] = group;
	}
	return { groupOf, count: numbers.size };
}
