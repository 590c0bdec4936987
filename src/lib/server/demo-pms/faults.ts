import { z } from 'zod';

/**
 * The demo PMS can be told to misbehave, for tests of the bridge's exactly-once posting (issue 5):
 * answer slowly, fail with a 500 before doing anything, refuse with a message, take longer than the
 * caller waits (and then do the work anyway), or do the work and lose the answer.
 */
export const faultSchema = z.strictObject({
	/** Which requests: "POST /payments", "GET /paysplits", or "*" for any. */
	on: z.string().regex(/^(\*|(GET|POST|PUT) \/[a-z/]+)$/, { message: 'must be "*" or a method and a path such as "POST /payments"' }),
	kind: z.enum(['error500', 'refuse', 'timeout', 'drop_after_commit']),
	/** How many matching requests it hits; then it is spent. */
	times: z.number().int().min(1).max(1000).default(1),
	/** For `refuse`: the message, as Open Dental would write it. */
	message: z.string().max(500).optional(),
	/** For `timeout`: how long to wait before doing the work (the caller has given up by then). */
	ms: z.number().int().min(0).max(120_000).optional()
});
export type Fault = z.infer<typeof faultSchema>;

export const faultPlanSchema = z.strictObject({
	/** Added to every request, in milliseconds. */
	latencyMs: z.number().int().min(0).max(60_000).default(0),
	faults: z.array(faultSchema).max(100).default([])
});
export type FaultPlan = z.infer<typeof faultPlanSchema>;

/** Thrown by the demo PMS to mean "the work is done but the connection dies before the answer". */
export class DroppedConnection extends Error {
	override name = 'DroppedConnection';
	/** Read by HTTP adapters (serveFetchHandler): destroy the socket instead of answering. */
	readonly dropConnection = true;
}

export function createFaults() {
	let plan: FaultPlan = { latencyMs: 0, faults: [] };
	return {
		set(next: FaultPlan) {
			plan = { latencyMs: next.latencyMs, faults: next.faults.map((f) => ({ ...f })) };
		},
		get: (): FaultPlan => plan,
		/** The fault for this request, if one is scheduled (and counts it). */
		take(method: string, path: string): Fault | null {
			const key = `${method} /${path.split('/').filter(Boolean)[0] ?? ''}`;
			const fault = plan.faults.find((f) => f.on === '*' || f.on === key);
			if (!fault) return null;
			fault.times -= 1;
			if (fault.times <= 0) plan.faults = plan.faults.filter((f) => f !== fault);
			return { ...fault, times: 1 };
		},
		latencyMs: () => plan.latencyMs
	};
}
export type Faults = ReturnType<typeof createFaults>;
