import type { AllocationInput } from './allocationInput';
import type { IdIndex } from './idIndex';

/**
 * Every id the ledger uses to point at another entry, turned into the index of that entry, and
 * the index of every id. Validation has to look each of them up anyway (unknown patients,
 * procedures and adjustments are errors); keeping the answers saves the engine looking up 100,000
 * ids a second time. A missing link (`null`) is −1.
 */
export type LedgerRefs = {
	readonly procedures: IdIndex;
	readonly adjustments: IdIndex;
	readonly splits: IdIndex;
	/** The index in `ledger.patients` of the paying patient (`payment.patientId`). */
	readonly payingPatient: number;
	/** The index in `ledger.patients` of the patient of `ledger.procedures[i]`. */
	readonly procedurePatients: Int32Array;
	/** The index in `ledger.patients` of the patient of `ledger.adjustments[i]`. */
	readonly adjustmentPatients: Int32Array;
	/** The index in `ledger.patients` of the patient of `ledger.splits[i]`. */
	readonly splitPatients: Int32Array;
	/** The procedure `ledger.adjustments[i]` is attached to (`procedureId`), or −1. */
	readonly adjustmentProcedures: Int32Array;
	/** The procedure `ledger.splits[i]` names (`procedureId`), or −1. */
	readonly splitProcedures: Int32Array;
	/** The adjustment `ledger.splits[i]` names (`adjustmentId`), or −1. */
	readonly splitAdjustments: Int32Array;
	/** The procedures of `options.payFirst`, in its order (a repeated pick repeats). */
	readonly payFirst: Int32Array;
};

/** An input that passed `validateAllocationInput`, with its references resolved. */
export type ValidAllocationInput = { readonly input: AllocationInput; readonly refs: LedgerRefs };
