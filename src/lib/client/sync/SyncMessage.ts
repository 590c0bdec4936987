import { z } from 'zod';
import { SYNC_TRIGGERS } from './SyncTrigger';
import { syncStatusSchema } from './SyncStatus';

/** The BroadcastChannel the tabs of one browser talk over. */
export const SYNC_CHANNEL = 'paysplit-sync';

/** The Web Lock whose holder is the one tab that sends (DESIGN §2 step 4). */
export const LEADER_LOCK = 'paysplit-sync-leader';

/**
 * Messages between tabs. Followers ask the leader to sync or to resume after pairing, and ask for
 * its status when they start; the leader announces its status on every change.
 */
export const syncMessageSchema = z.discriminatedUnion('type', [
	z.object({ type: z.literal('paysplit:sync-now'), trigger: z.enum(SYNC_TRIGGERS) }),
	z.object({ type: z.literal('paysplit:resume') }),
	z.object({ type: z.literal('paysplit:status-request') }),
	z.object({ type: z.literal('paysplit:status'), status: syncStatusSchema })
]);
export type SyncMessage = z.infer<typeof syncMessageSchema>;
