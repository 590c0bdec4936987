import type { Health } from '$lib/domain/api/health';
import { assertNever } from '$lib/domain/payment/PaymentStatus';
import type { PaysplitDb } from '../db/PaysplitDb';
import { backoffDelay, BACKOFF_BASE_MS, BACKOFF_CAP_MS } from './backoffDelay';
import { discardPayment, type DiscardResult } from './discardPayment';
import { enqueuePayment, type EnqueueResult } from './enqueuePayment';
import type { SyncApi, SyncPlatform } from './platform';
import { recordFailure } from './recordFailure';
import { repairOutbox } from './repairOutbox';
import { retryPayment, type RetryResult } from './retryPayment';
import { LEADER_LOCK, syncMessageSchema, type SyncMessage } from './SyncMessage';
import { syncOnce, type SyncOutcome } from './syncOnce';
import type { SyncStatus } from './SyncStatus';
import type { SyncTrigger } from './SyncTrigger';

/** How often the leader syncs when all is well (to pull status changes, `GET /changes`), before jitter. */
export const POLL_INTERVAL_MS = 30_000;
/**
 * While the bridge is working on payments from this device (received, cleared, being posted), the
 * leader asks again sooner, so staff see "Posted to the ledger" seconds after saving, not minutes.
 */
export const FOLLOW_UP_INTERVAL_MS = 2_500;
const IN_PROGRESS: readonly string[] = ['accepted', 'cleared', 'posting', 'submitted', 'posted'];

export type SyncEngineOptions = {
	db: PaysplitDb;
	/** `createBridgeApi({ token, fetch })`: the token getter decides which device is speaking. */
	api: SyncApi;
	platform: SyncPlatform;
	batchSize?: number;
	baseDelayMs?: number;
	maxDelayMs?: number;
	pollIntervalMs?: number;
	followUpIntervalMs?: number;
	healthTimeoutMs?: number;
	/** Called on the leader each time the bridge answered its health check (e.g. its time zone). */
	onHealth?: (health: Health) => void;
	/**
	 * More work for the leader after a good push, while the bridge answers (loading settings and the
	 * patient feed). Returning `{ unauthorized: true }` stops the sync as a 401 does.
	 */
	afterPush?: () => Promise<{ unauthorized?: boolean } | void>;
	/** Where unexpected failures are reported (default: console.warn). */
	log?: (message: string, error: unknown) => void;
};

/** `leader`: this tab sends. `follower`: another tab does; this one asks it and mirrors its status. */
export type SyncRole = 'follower' | 'leader' | 'stopped';
export type SyncState = { role: SyncRole; status: SyncStatus };

export type SyncEngine = {
	/** Joins the leader election and starts listening for triggers. */
	start(): void;
	/** Final: leaves the election (the next tab takes over), stops timers, closes the channel. */
	stop(): void;
	/** A hint to sync now; in a follower tab it is passed to the leader. */
	trigger(trigger: SyncTrigger): void;
	/** After pairing again: lifts the stop a 401 caused, in whichever tab leads. */
	resume(): void;
	/** `enqueuePayment`, then a `saved` trigger. */
	enqueue(draft: unknown): Promise<EnqueueResult>;
	/** `retryPayment`, then a `saved` trigger. */
	retry(id: string, edited?: unknown): Promise<RetryResult>;
	discard(id: string): Promise<DiscardResult>;
	getState(): SyncState;
	/** Called at once with the current state, then on every change. Returns the unsubscriber. */
	subscribe(listener: (state: SyncState) => void): () => void;
	/** Resolves when the sync run under way (if any) has ended. */
	whenIdle(): Promise<void>;
};

/**
 * The device's sync engine (DESIGN §2 step 4, issue 4 item 2). Each tab makes one; they elect a
 * leader with the Web Lock `paysplit-sync-leader` (requested without `ifAvailable`, so the other
 * tabs wait in line and the next one takes over when the leader closes or crashes). Only the
 * leader talks to the bridge: on taking over, on every trigger, and on its own timer — a poll
 * after success, exponential backoff with full jitter after failures (capped at 5 minutes), none
 * after a 401 until `resume()`. The others pass triggers to it over the channel and show the
 * status it announces; every tab sees the queue itself through liveQuery (`observeQueueSummary`).
 */
export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
	const { db, api, platform } = options;
	const { clock, channel, locks } = platform;
	const now = () => clock.now();
	const log = options.log ?? ((message, error) => console.warn(`Paysplit sync: ${message}`, error));

	let role: SyncRole = 'stopped';
	let started = false;
	let status: SyncStatus = { kind: 'starting' };
	const listeners = new Set<(state: SyncState) => void>();

	let failures = 0;
	let unpaired = false;
	let needsRepair = false;
	let run: Promise<void> | null = null;
	let again = false;
	let resumedDuringRun = false;
	let cancelTimer: (() => void) | null = null;
	let resign: (() => void) | null = null;
	let abort: AbortController | null = null;
	let unsubscribeWakeups: (() => void) | null = null;

	function emit(): void {
		const state = { role, status };
		for (const listener of listeners) {
			try {
				listener(state);
			} catch (error) {
				// A page's bug must not stop the sync (nor leave a run's promise rejected).
				log('a status listener failed', error);
			}
		}
	}

	function post(message: SyncMessage): void {
		try {
			channel.postMessage(message);
		} catch (error) {
			log('could not message the other tabs', error);
		}
	}

	function setStatus(next: SyncStatus): void {
		status = next;
		if (role === 'leader') post({ type: 'paysplit:status', status });
		emit();
	}

	function onMessage(event: { data: unknown }): void {
		const parsed = syncMessageSchema.safeParse(event.data);
		if (!parsed.success) return;
		const message = parsed.data;
		switch (message.type) {
			case 'paysplit:sync-now':
				if (role === 'leader') trigger('peer');
				return;
			case 'paysplit:resume':
				if (role === 'leader') trigger('resume');
				return;
			case 'paysplit:status-request':
				if (role === 'leader') post({ type: 'paysplit:status', status });
				return;
			case 'paysplit:status':
				if (role === 'follower') {
					status = message.status;
					emit();
				}
				return;
			default:
				assertNever(message);
		}
	}

	/** Holds the leader lock until `stop()`; the lock manager frees it if the tab dies. */
	function lead(): Promise<void> {
		if (role === 'stopped') return Promise.resolve();
		role = 'leader';
		// The last leader may have crashed mid-way, and older code may have queued payments without
		// an entry: check the queue's invariant once per leadership, off the save path.
		needsRepair = true;
		emit();
		const held = new Promise<void>((resolve) => {
			resign = resolve;
		});
		trigger('leadership');
		return held;
	}

	function trigger(reason: SyncTrigger): void {
		if (role === 'stopped') return;
		if (role === 'follower') {
			post({ type: 'paysplit:sync-now', trigger: reason });
			return;
		}
		if (reason === 'resume') {
			unpaired = false;
			// The run under way may still end in a 401 sent with the old token: it must not undo this.
			if (run) resumedDuringRun = true;
		}
		if (unpaired) return;
		if (run) {
			// A trigger during a run (a payment saved mid-push) gets one more run right after.
			again = true;
			return;
		}
		cancelTimer?.();
		cancelTimer = null;
		run = drain().finally(() => {
			run = null;
		});
	}

	async function drain(): Promise<void> {
		for (;;) {
			again = false;
			resumedDuringRun = false;
			const outcome = await runOnce();
			if (role !== 'leader') return;
			if (outcome.kind === 'unpaired' ? resumedDuringRun : again) continue;
			await settle(outcome);
			// Settling awaits the database: a trigger meanwhile (a payment saved) found this run still
			// going and asked for another; it must get it now, not at the timer settle just set.
			if (role === 'leader' && (outcome.kind === 'unpaired' ? resumedDuringRun : again)) {
				cancelTimer?.();
				cancelTimer = null;
				continue;
			}
			return;
		}
	}

	async function runOnce(): Promise<SyncOutcome> {
		setStatus({ kind: 'syncing', since: now() });
		try {
			if (needsRepair) {
				await repairOutbox(db, now);
				needsRepair = false;
			}
			return await syncOnce({ ...options, clock });
		} catch (error) {
			// The database failed even after reopening, or a bug: keep everything, try again later.
			log('a sync run failed', error);
			return { kind: 'retry', message: error instanceof Error ? error.message : String(error), ids: [] };
		}
	}

	/** Records how the run ended and sets the timer for the next one. */
	async function settle(outcome: SyncOutcome): Promise<void> {
		switch (outcome.kind) {
			case 'done': {
				failures = 0;
				setStatus({ kind: 'idle', lastSyncedAt: now() });
				const inProgress = await db.payments.where('status').anyOf([...IN_PROGRESS]).count().catch(() => 0);
				const poll = inProgress > 0 ? (options.followUpIntervalMs ?? FOLLOW_UP_INTERVAL_MS) : (options.pollIntervalMs ?? POLL_INTERVAL_MS);
				schedule(Math.round(poll * (0.8 + 0.4 * platform.random())));
				return;
			}
			case 'offline':
			case 'retry': {
				failures += 1;
				const delay = backoffDelay(failures, () => platform.random(), options.baseDelayMs ?? BACKOFF_BASE_MS, options.maxDelayMs ?? BACKOFF_CAP_MS);
				const nextAttemptAt = now() + delay;
				try {
					await recordFailure(db, outcome.ids, { message: outcome.message, nextAttemptAt });
				} catch (error) {
					log('could not note the failure on the queue', error);
				}
				setStatus({ kind: outcome.kind === 'offline' ? 'offline' : 'error', message: outcome.message, nextAttemptAt });
				schedule(delay);
				return;
			}
			case 'unpaired':
				unpaired = true;
				setStatus({ kind: 'unpaired', message: outcome.message });
				return;
			default:
				assertNever(outcome);
		}
	}

	function schedule(delay: number): void {
		if (role !== 'leader') return;
		cancelTimer?.();
		cancelTimer = clock.setTimer(delay, () => {
			cancelTimer = null;
			trigger('timer');
		});
	}

	return {
		start() {
			if (started) return;
			started = true;
			role = 'follower';
			channel.onmessage = onMessage;
			unsubscribeWakeups = platform.wakeups.subscribe(trigger);
			abort = new AbortController();
			emit();
			post({ type: 'paysplit:status-request' });
			post({ type: 'paysplit:sync-now', trigger: 'startup' });
			locks.request(LEADER_LOCK, { signal: abort.signal }, () => lead()).catch((error: unknown) => {
				if (!(error instanceof Error && error.name === 'AbortError')) log('the leader lock failed', error);
			});
		},
		stop() {
			if (role === 'stopped') return;
			role = 'stopped';
			abort?.abort();
			resign?.();
			cancelTimer?.();
			cancelTimer = null;
			unsubscribeWakeups?.();
			channel.onmessage = null;
			channel.close();
			emit();
		},
		trigger,
		resume() {
			if (role === 'follower') post({ type: 'paysplit:resume' });
			else trigger('resume');
		},
		async enqueue(draft) {
			const result = await enqueuePayment(db, draft, now);
			if (result.ok) trigger('saved');
			return result;
		},
		async retry(id, edited) {
			const result = await retryPayment(db, id, { now, ...(edited === undefined ? {} : { edited }) });
			if (result.ok) trigger('saved');
			return result;
		},
		discard: (id) => discardPayment(db, id),
		getState: () => ({ role, status }),
		subscribe(listener) {
			listeners.add(listener);
			listener({ role, status });
			return () => listeners.delete(listener);
		},
		whenIdle: () => run ?? Promise.resolve()
	};
}
