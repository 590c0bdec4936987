import * as Comlink from 'comlink';
import type { AllocationInput } from '$lib/domain/allocation/allocationInput';
import type { AllocationResult } from '$lib/domain/allocation/allocationResult';
import type { AllocationWorkerApi } from './allocation.worker';

export type AllocationClient = {
	allocate(input: AllocationInput): Promise<AllocationResult>;
	close(): void;
};

/**
 * Starts the allocation worker and returns a typed wrapper. Browser only: call it from `onMount` or
 * an event handler, never at import time (there is no Worker during server rendering).
 */
export function createAllocationClient(): AllocationClient {
	const worker = new Worker(new URL('./allocation.worker.ts', import.meta.url), { type: 'module', name: 'paysplit-allocation' });
	const remote = Comlink.wrap<AllocationWorkerApi>(worker);
	return {
		allocate: async (input) => {
			try {
				return await remote.allocatePayment(input);
			} catch (error) {
				return { ok: false, error: { code: 'internal_error', message: `The allocation preview failed: ${error instanceof Error ? error.message : String(error)}` } };
			}
		},
		close: () => {
			remote[Comlink.releaseProxy]();
			worker.terminate();
		}
	};
}
