/**
 * What woke the sync (DESIGN §2 step 4). Only `resume` lifts the stop after a 401; every other
 * trigger is a hint that now is a good time.
 */
export const SYNC_TRIGGERS = [
	'startup',
	'online',
	'visible',
	'service-worker',
	'timer',
	'manual',
	'saved',
	'peer',
	'leadership',
	'resume'
] as const;
export type SyncTrigger = (typeof SYNC_TRIGGERS)[number];
