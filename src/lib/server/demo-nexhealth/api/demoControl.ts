import { z } from 'zod';
import { faultPlanSchemaFor, type Faults } from '../../demo-pms/faults';
import type { NexContext } from './nexContext';
import { readNexJson } from './nexBody';
import { nexError, nexOk } from './nexResponse';

/**
 * The fake's kinds of misbehaviour (demo-pms/faults.ts plans: `on`, `rate`, `times`, `seed`):
 * error500 — 500 before doing anything; refuse — 400 with `message`; timeout — wait `ms` (default
 * 20 s), then do the work; drop_after_commit — do the work (a payment is queued) and lose the answer;
 * rate_limit — 429 (a storm, with `rate` or `times`); insertion_failed — POST /payments is accepted
 * (202) but the PMS refuses it, so it never lands.
 */
export const NEX_FAULT_KINDS = ['error500', 'refuse', 'timeout', 'drop_after_commit', 'rate_limit', 'insertion_failed'] as const;
export const nexFaultPlanSchema = faultPlanSchemaFor(NEX_FAULT_KINDS);
export type NexFault = z.infer<typeof nexFaultPlanSchema>['faults'][number];

const syncStatusSchema = z.strictObject({ read: z.enum(['green', 'red']).optional(), write: z.enum(['green', 'red']).optional() });
const settingsSchema = z.strictObject({
	/** Lifetime of the tokens POST /authenticates issues from now on (NexHealth: 3600 in production). */
	token_ttl_seconds: z.number().int().min(1).max(7 * 86_400).optional(),
	/** How long an accepted write takes to land, for writes accepted from now on. */
	sync_seconds: z.number().min(0).max(86_400).optional(),
	/** Whether this key may use the ledger endpoints (NexHealth switches financial data on per key). */
	ledger_access: z.boolean().optional()
});

const settingsOf = (ctx: NexContext) => ({ token_ttl_seconds: ctx.state.tokenTtlSeconds, sync_seconds: ctx.state.syncSeconds, ledger_access: ctx.state.ledgerAccess });
const syncOf = (ctx: NexContext) => ({ read: ctx.state.readStatus, read_status_at: ctx.state.readStatusAt.toISOString(), write: ctx.state.writeStatus, write_status_at: ctx.state.writeStatusAt.toISOString() });

async function body<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S> | Response> {
	const raw = await readNexJson(request);
	if (raw instanceof Response) return raw;
	const parsed = schema.safeParse(raw);
	if (!parsed.success) return nexError(400, parsed.error.issues.slice(0, 5).map((i) => `${i.path.map(String).join('.') || 'body'}: ${i.message}`));
	return parsed.data;
}

/**
 * `/_demo/…`: the fake's own controls, not part of NexHealth's API (a path NexHealth's cannot have),
 * behind the same credentials (the API key, or a bearer token it issued):
 * GET|PUT /_demo/faults (a fault plan), GET|PUT /_demo/sync_status ({read?, write?}: green|red),
 * GET|PUT /_demo/settings ({token_ttl_seconds?, sync_seconds?, ledger_access?}),
 * GET /_demo/writes (accepted writes and what became of them), POST /_demo/sync (land the queue now).
 */
export async function demoControl(ctx: NexContext, faults: Faults<NexFault>, request: Request, path: string): Promise<Response> {
	const method = request.method.toUpperCase();
	switch (`${method} ${path}`) {
		case 'GET /_demo/faults':
			return nexOk(faults.get());
		case 'PUT /_demo/faults': {
			const plan = await body(request, nexFaultPlanSchema);
			if (plan instanceof Response) return plan;
			faults.set(plan);
			return nexOk(faults.get());
		}
		case 'GET /_demo/sync_status':
			return nexOk(syncOf(ctx));
		case 'PUT /_demo/sync_status': {
			const next = await body(request, syncStatusSchema);
			if (next instanceof Response) return next;
			const now = ctx.clock.now();
			if (next.read && next.read !== ctx.state.readStatus) Object.assign(ctx.state, { readStatus: next.read, readStatusAt: now });
			if (next.write && next.write !== ctx.state.writeStatus) {
				Object.assign(ctx.state, { writeStatus: next.write, writeStatusAt: now });
				// Back to green: what waited lands a sync later.
				if (next.write === 'green') await ctx.queue.resume();
			}
			return nexOk(syncOf(ctx));
		}
		case 'GET /_demo/settings':
			return nexOk(settingsOf(ctx));
		case 'PUT /_demo/settings': {
			const next = await body(request, settingsSchema);
			if (next instanceof Response) return next;
			if (next.token_ttl_seconds !== undefined) ctx.state.tokenTtlSeconds = next.token_ttl_seconds;
			if (next.sync_seconds !== undefined) ctx.state.syncSeconds = next.sync_seconds;
			if (next.ledger_access !== undefined) ctx.state.ledgerAccess = next.ledger_access;
			return nexOk(settingsOf(ctx));
		}
		case 'GET /_demo/writes':
			return nexOk(await ctx.queue.list());
		case 'POST /_demo/sync':
			return nexOk({ landed: await ctx.queue.syncNow() });
	}
	return nexError(404, 'The demo answers GET|PUT /_demo/faults, GET|PUT /_demo/sync_status, GET|PUT /_demo/settings, GET /_demo/writes and POST /_demo/sync');
}
