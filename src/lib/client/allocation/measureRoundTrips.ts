import type { AllocationInput } from '$lib/domain/allocation/allocationInput';
import type { AllocationResult } from '$lib/domain/allocation/allocationResult';
import type { Cents } from '$lib/domain/money/cents';
import type { AllocationClient } from './createAllocationClient';

export type RoundTripFigures = { medianMs: number; p95Ms: number; runs: number; splits: number };

/** Both ways the payment screen can wait for a preview. */
export type RoundTrips = {
	/** The whole input, ledger included, crosses to the worker on every call (`AllocationClient.allocate`). */
	fullLedger: RoundTripFigures;
	/** Staff typing an amount: the worker already holds the ledger, only the payment crosses (`AllocationClient.preview`). */
	typing: RoundTripFigures;
};

async function timed(call: (run: number) => Promise<AllocationResult>, runs: number, warmUp: number): Promise<RoundTripFigures> {
	let splits = 0;
	for (let i = 0; i < warmUp; i++) await call(i);
	const samples: number[] = [];
	for (let i = 0; i < runs; i++) {
		const started = performance.now();
		const result = await call(i);
		samples.push(performance.now() - started);
		if (!result.ok) throw new Error(result.error.message);
		splits = result.splits.length;
	}
	samples.sort((a, b) => a - b);
	const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? Number.NaN;
	return { medianMs: at(0.5), p95Ms: at(0.95), runs, splits };
}

/**
 * Times `runs` allocations through the worker (structured clone both ways plus the engine), after a
 * few warm-up calls: how long the payment screen waits for a preview on this device. The typing
 * figure changes the amount on every call, by a cent, as keystrokes do, against one ledger object.
 */
export async function measureRoundTrips(client: AllocationClient, input: AllocationInput, runs = 50, warmUp = 5): Promise<RoundTrips> {
	const fullLedger = await timed(() => client.allocate(input), runs, warmUp);
	const typed = (run: number): AllocationInput => ({ ...input, payment: { ...input.payment, amount: (input.payment.amount + run) as Cents } });
	const typing = await timed((run) => client.preview(typed(run)), runs, warmUp);
	return { fullLedger, typing };
}
