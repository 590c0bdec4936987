import { z } from 'zod';
import { assertNever } from '$lib/domain/payment/PaymentStatus';

/**
 * Where the sync stands, for the header (issue 4 item 6). The leader tab decides it and tells the
 * others over the channel, so it is a schema: a message is parsed before it is believed.
 * - `starting`: nothing known yet (a tab that has not heard from the leader);
 * - `syncing`: the leader is talking to the bridge;
 * - `idle`: the bridge answered and took everything that was waiting;
 * - `offline`: the bridge did not answer (health check over 2 s, or the network failed);
 * - `error`: the bridge answered but could not take the queue or give the status changes now (429,
 *   5xx, 503, an answer this app cannot read), or failed on a payment sent alone while the others
 *   went; retried at `nextAttemptAt`;
 * - `unpaired`: the bridge refused this device's token (401): syncing stopped until it is paired
 *   again. Payments stay queued.
 */
export const syncStatusSchema = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('starting') }),
	z.object({ kind: z.literal('syncing'), since: z.number() }),
	z.object({ kind: z.literal('idle'), lastSyncedAt: z.number() }),
	z.object({ kind: z.literal('offline'), message: z.string(), nextAttemptAt: z.number() }),
	z.object({ kind: z.literal('error'), message: z.string(), nextAttemptAt: z.number() }),
	z.object({ kind: z.literal('unpaired'), message: z.string() })
]);
export type SyncStatus = z.infer<typeof syncStatusSchema>;
export type SyncStatusKind = SyncStatus['kind'];

/** The header's connection light: what the bridge link looks like from here. */
export type Connection = 'checking' | 'online' | 'syncing' | 'offline' | 'unpaired';

export function connectionOf(status: SyncStatus): Connection {
	switch (status.kind) {
		case 'starting':
			return 'checking';
		case 'syncing':
			return 'syncing';
		case 'idle':
		case 'error': // the bridge answered: it is reachable, only busy or unwell
			return 'online';
		case 'offline':
			return 'offline';
		case 'unpaired':
			return 'unpaired';
		default:
			return assertNever(status);
	}
}

/** Plain-language line for staff. */
export function syncStatusLabel(status: SyncStatus): string {
	switch (status.kind) {
		case 'starting':
			return 'Checking the bridge…';
		case 'syncing':
			return 'Sending…';
		case 'idle':
			return 'Up to date';
		case 'offline':
			return 'Offline: payments are saved here and will be sent when the bridge answers';
		case 'error':
			return `The last sync with the bridge did not finish (${status.message}); trying again soon`;
		case 'unpaired':
			return 'This device must be paired again; payments saved here are kept';
		default:
			return assertNever(status);
	}
}
