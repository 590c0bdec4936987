import type { Id } from '../ledger/ledger';
import type { AllocationInput } from './allocationInput';

/**
 * Where each procedure and adjustment sits in its list, by id. Validation has to index every id
 * anyway (uniqueness, links to unknown procedures); handing its index to the engine saves building
 * the same maps twice, which for a large ledger costs as much as a step of the engine.
 */
export type LedgerIds = {
	readonly procedures: ReadonlyMap<Id, number>;
	readonly adjustments: ReadonlyMap<Id, number>;
};

/** An input that passed `validateAllocationInput`, with the index it built. */
export type ValidAllocationInput = { readonly input: AllocationInput; readonly ids: LedgerIds };
