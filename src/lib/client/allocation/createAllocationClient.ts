import * as Comlink from 'comlink';
import type { AllocationInput } from '$lib/domain/allocation/allocationInput';
import type { AllocationResult } from '$lib/domain/allocation/allocationResult';
import type { AllocationWorkerApi } from './allocation.worker';
import { createLedgerPreview } from './ledgerPreview';

export type AllocationClient = {
	/** The whole input crosses to the worker (structured clone), every call. */
	allocate(input: AllocationInput): Promise<AllocationResult>;
	/** The same allocation, but the ledger crosses only when it is a new object (`createLedgerPreview`): for the live preview while typing. */
	preview(input: AllocationInput): Promise<AllocationResult>;
	close(): void;
};

const failed = (error: unknown): AllocationResult => ({
	ok: false,
	error: { code: 'internal_error', message: `The allocation preview failed: ${error instanceof Error ? error.message : String(error)}` }
});

/**
 * Starts the allocation worker and returns a typed wrapper. Browser only: call it from `onMount` or
 * an event handler, never at import time (there is no Worker during server rendering).
 */
export function createAllocationClient(): AllocationClient {
	const worker = new Worker(new URL('./allocation.worker.ts', import.meta.url), { type: 'module', name: 'paysplit-allocation' });
	const remote = Comlink.wrap<AllocationWorkerApi>(worker);
	const preview = createLedgerPreview((request) => remote.allocatePreview(request));
	return {
		allocate: async (input) => {
			try {
				return await remote.allocatePayment(input);
			} catch (error) {
				return failed(error);
			}
		},
		preview: async (input) => {
			try {
				return await preview(input);
			} catch (error) {
				return failed(error);
			}
		},
		close: () => {
			remote[Comlink.releaseProxy]();
			worker.terminate();
		}
	};
}
