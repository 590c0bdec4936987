import type { AllocationInput } from '$lib/domain/allocation/allocationInput';
import type { AllocationClient } from './createAllocationClient';

export type RoundTripFigures = { medianMs: number; p95Ms: number; runs: number; splits: number };

/**
 * Times `runs` allocations through the worker (structured clone both ways plus the engine), after a
 * few warm-up calls: how long the payment screen waits for a preview on this device.
 */
export async function measureRoundTrips(client: AllocationClient, input: AllocationInput, runs = 50, warmUp = 5): Promise<RoundTripFigures> {
	let splits = 0;
	for (let i = 0; i < warmUp; i++) await client.allocate(input);
	const samples: number[] = [];
	for (let i = 0; i < runs; i++) {
		const started = performance.now();
		const result = await client.allocate(input);
		samples.push(performance.now() - started);
		if (!result.ok) throw new Error(result.error.message);
		splits = result.splits.length;
	}
	samples.sort((a, b) => a - b);
	const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? Number.NaN;
	return { medianMs: at(0.5), p95Ms: at(0.95), runs, splits };
}
