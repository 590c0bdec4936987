import type { Id } from '../ledger/ledger';
import type { AllocationInput } from './allocationInput';
import { IdNumbers } from './idNumbers';
import type { LedgerRefs } from './ledgerRefs';

/** The fields of an owner, numbered: the patient by its place in `ledger.patients`, providers and clinics from 0 as first met. */
export type NumberedOwner = { readonly patient: number; readonly provider: number; readonly clinic: number };

/**
 * Who each entry belongs to — its (patient, provider, clinic), the key of explicit links (rules
 * 3–5) and, field by field, of rule 7's layers — as a small number: owner `n` is `list[n]`, and two
 * entries have the same owner exactly when the three fields agree (clinics as rule 1 counts them).
 */
export type OwnerNumbers = {
	readonly list: readonly NumberedOwner[];
	/** The owner of each charge: `ledger.procedures[i]` is charge `i`, `ledger.adjustments[i]` charge `procedures.length + i`. */
	readonly charges: Int32Array;
	/** The owner of `ledger.splits[i]`. */
	readonly splits: Int32Array;
};

/*
 * Each entry's patient is already numbered (validation resolved it); its provider and clinic are
 * numbered here (`IdNumbers`, a table lookup for Open Dental's whole-number ids), and the three
 * numbers lead through nested arrays to the owner: three array reads per entry, where a key string
 * or nested maps would hash ids for each of 100,000 entries. Ids may contain any character, so
 * numbers, never joined ids, make the key. A family has a few dozen owners however long its ledger,
 * so the arrays stay small.
 */

/**
 * Numbers the owner of every procedure, adjustment and split (`OwnerNumbers`). When clinics are off,
 * every clinic counts as none (rule 1).
 */
export function numberOwners(input: AllocationInput, refs: LedgerRefs): OwnerNumbers {
	const { procedures, adjustments, splits } = input.ledger;
	const clinicsEnabled = input.options.clinicsEnabled;
	const providers = new IdNumbers();
	const clinics = new IdNumbers();
	const list: NumberedOwner[] = [];
	/** `byField[patient][provider][clinic]` is the owner of those three, once met. */
	const byField: (number | undefined)[][][] = [];
	const ownerOf = (patient: number, providerId: Id | null, clinicId: Id | null): number => {
		const provider = providers.numberOf(providerId);
		const clinic = clinics.numberOf(clinicsEnabled ? clinicId : null);
		const byProvider = (byField[patient] ??= []);
		const byClinic = (byProvider[provider] ??= []);
		let owner = byClinic[clinic];
		if (owner === undefined) {
			owner = list.length;
			byClinic[clinic] = owner;
			list.push({ patient, provider, clinic });
		}
		return owner;
	};

	const charges = new Int32Array(procedures.length + adjustments.length);
	for (let index = 0; index < procedures.length; index++) {
		const { providerId, clinicId } = procedures[index] as (typeof procedures)[number];
		charges[index] = ownerOf(refs.procedurePatients[index] as number, providerId, clinicId);
	}
	for (let index = 0; index < adjustments.length; index++) {
		const { providerId, clinicId } = adjustments[index] as (typeof adjustments)[number];
		charges[procedures.length + index] = ownerOf(refs.adjustmentPatients[index] as number, providerId, clinicId);
	}
	const splitOwners = new Int32Array(splits.length);
	for (let index = 0; index < splits.length; index++) {
		const { providerId, clinicId } = splits[index] as (typeof splits)[number];
		splitOwners[index] = ownerOf(refs.splitPatients[index] as number, providerId, clinicId);
	}
	return { list, charges, splits: splitOwners };
}
