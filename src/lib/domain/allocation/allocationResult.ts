import type { AllocationErrorCode } from './allocationErrorCode';
import type { AllocationSplit } from './allocationSplit';

/** What went wrong, where (`ledger.procedures[2].fee`; absent for the input as a whole), in words a person can act on. */
export type AllocationError = { code: AllocationErrorCode; message: string; path?: string };

/**
 * The outcome of `allocatePayment`. Always a value, never a throw: it crosses a Web Worker boundary,
 * where thrown errors lose their detail (STYLE.md, "Data at the boundaries").
 */
export type AllocationResult = { ok: true; splits: AllocationSplit[] } | { ok: false; error: AllocationError };
