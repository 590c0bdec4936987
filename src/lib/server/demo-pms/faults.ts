import { z } from 'zod';
import { createPrng } from '$lib/domain/random/createPrng';
import { plainText } from '$lib/domain/text/plainText';

/**
 * The demo PMS can be told to misbehave, for tests of the bridge's exactly-once posting (issue 5):
 * answer slowly, fail with a 500 before doing anything, refuse with a message, take longer than the
 * caller waits (and then do the work anyway), or do the work and lose the answer. The NexHealth fake
 * (demo-nexhealth) uses the same plans with kinds of its own (429 storms, failed insertions).
 */
export function faultSchemaFor<const K extends readonly [string, ...string[]]>(kinds: K) {
	return z.strictObject({
		/** Which requests: "POST /payments", "GET /payment_types", or "*" for any. */
		on: z.string().regex(/^(\*|(GET|POST|PUT) \/[a-z_/]+)$/, { message: 'must be "*" or a method and a path such as "POST /payments"' }),
		kind: z.enum(kinds),
		/**
		 * How many requests it hits; then it is spent. Default: 1, or without end when `rate` is given.
		 */
		times: z.number().int().min(1).max(1_000_000).optional(),
		/**
		 * The share of matching requests it hits (0 < rate ≤ 1), drawn from the plan's seeded generator;
		 * absent: every matching request until `times` is spent.
		 */
		rate: z.number().gt(0).max(1).optional(),
		/** For `refuse`: the message, as the PMS would write it. */
		message: plainText({ max: 500 }).optional(),
		/** For `timeout`: how long to wait before doing the work (the caller has given up by then). */
		ms: z.number().int().min(0).max(120_000).optional()
	});
}

export function faultPlanSchemaFor<const K extends readonly [string, ...string[]]>(kinds: K) {
	return z.strictObject({
		/** Added to every request, in milliseconds. */
		latencyMs: z.number().int().min(0).max(60_000).default(0),
		/** Seeds the draws of faults with a `rate`, so that a run can be repeated. */
		seed: z.number().int().min(0).max(2 ** 32 - 1).default(1),
		/** Tried in order for each request: the first that matches and is drawn hits it. */
		faults: z.array(faultSchemaFor(kinds)).max(100).default([])
	});
}

export const DEMO_PMS_FAULT_KINDS = ['error500', 'refuse', 'timeout', 'drop_after_commit'] as const;
export const faultSchema = faultSchemaFor(DEMO_PMS_FAULT_KINDS);
export type Fault = z.infer<typeof faultSchema>;
export const faultPlanSchema = faultPlanSchemaFor(DEMO_PMS_FAULT_KINDS);
export type FaultPlan = z.infer<typeof faultPlanSchema>;

/** Thrown by the demo PMS to mean "the work is done but the connection dies before the answer". */
export class DroppedConnection extends Error {
	override name = 'DroppedConnection';
	/** Read by HTTP adapters (serveFetchHandler): destroy the socket instead of answering. */
	readonly dropConnection = true;
}

type AnyFault = { on: string; kind: string; times?: number | undefined; rate?: number | undefined };
type AnyPlan<F extends AnyFault> = { latencyMs: number; seed: number; faults: F[] };

export function createFaults<F extends AnyFault = Fault>() {
	let plan: AnyPlan<F> = { latencyMs: 0, seed: 1, faults: [] };
	let draw = createPrng(plan.seed);
	/** How many more requests each fault of the plan may hit (Infinity: no end). */
	let left: number[] = [];
	return {
		set(next: AnyPlan<F>) {
			plan = { latencyMs: next.latencyMs, seed: next.seed, faults: next.faults.map((f) => ({ ...f })) };
			draw = createPrng(next.seed);
			left = plan.faults.map((f) => f.times ?? (f.rate === undefined ? 1 : Infinity));
		},
		/** The plan, with each fault's `times` as what is left of it (absent: no end). */
		get: (): AnyPlan<F> => ({ ...plan, faults: plan.faults.flatMap((f, i) => ((left[i] ?? 0) <= 0 ? [] : [{ ...f, times: Number.isFinite(left[i]) ? left[i] : undefined }])) }),
		/** The fault for this request, if one hits it (and counts it). */
		take(method: string, path: string): F | null {
			const key = `${method} /${path.split('/').filter(Boolean)[0] ?? ''}`;
			for (const [i, fault] of plan.faults.entries()) {
				if ((left[i] ?? 0) <= 0 || (fault.on !== '*' && fault.on !== key)) continue;
				if (fault.rate !== undefined && !draw.chance(fault.rate)) continue;
				left[i] = (left[i] ?? 1) - 1;
				return { ...fault, times: 1 };
			}
			return null;
		},
		latencyMs: () => plan.latencyMs
	};
}
export type Faults<F extends AnyFault = Fault> = ReturnType<typeof createFaults<F>>;
