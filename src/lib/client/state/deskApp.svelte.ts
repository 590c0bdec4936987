import type { Health } from '$lib/domain/api/health';
import { todayIn } from '$lib/domain/dates/todayIn';
import { createBridgeApi, type BridgeApi } from '../api/bridgeApi';
import { createAllocationClient, type AllocationClient } from '../allocation/createAllocationClient';
import type { PaysplitDb } from '../db/PaysplitDb';
import { observeTable } from '../db/observeTable';
import { requestPersistence } from '../db/requestPersistence';
import type { Persistence } from '../db/Persistence';
import { practiceZoneRowSchema, type DeviceRow, type FeedStateRow, type PaymentRow, type SettingsRow, type StaffRow } from '../db/rows';
import { loadPractice } from '../practice/loadPractice';
import { loadSettings } from '../practice/loadSettings';
import { createBrowserPlatform } from '../sync/createBrowserPlatform';
import { requestBackgroundSync } from '../pwa/registerServiceWorker';
import { createSyncEngine, type SyncEngine } from '../sync/createSyncEngine';
import type { EnqueueResult } from '../sync/enqueuePayment';
import { observeQueueSummary, type QueueSummary } from '../sync/observeQueueSummary';
import { connectionOf, type SyncStatus } from '../sync/SyncStatus';

type Unsubscribe = { unsubscribe(): void };

/**
 * The front desk's state, shared by every page: the pairing, the sync engine's status, the queue's
 * numbers, the cached practice and the payments taken here — all live across tabs (liveQuery).
 * Pages read it; the work is done by the engine and the functions it calls.
 */
export class DeskApp {
	readonly db: PaysplitDb;
	readonly api: BridgeApi;
	readonly engine: SyncEngine;
	device = $state<DeviceRow | null>(null);
	ready = $state(false);
	status = $state<SyncStatus>({ kind: 'starting' });
	queue = $state<QueueSummary>({ waiting: 0, oldestEnqueuedAt: null, rejected: 0, quarantined: 0 });
	/**
	 * The practice's time zone, kept in this device's database once the bridge has said it: payments
	 * are dated by the practice's today, never the device's (a tablet set to another zone, or the
	 * evening hours when the UTC day is already tomorrow). Until the first answer: the device's zone.
	 */
	timeZone = $state(Intl.DateTimeFormat().resolvedOptions().timeZone);
	/** What the bridge writes to, as its last health answer said: the EMR's name, whether it takes writes now. */
	pms = $state<Health['pms'] | null>(null);
	/** The system payments are written to, for people ("Dentrix"; "the PMS" until the bridge said). */
	readonly emr = $derived(this.pms?.emr ?? 'the PMS');
	/** Whether `timeZone` is the practice's (from the bridge, kept on this device) rather than the device's guess. */
	practiceZoneKnown = $state(false);
	asOf = $state<string | null>(null);
	payments = $state<PaymentRow[]>([]);
	settings = $state<SettingsRow | null>(null);
	/** Who is taking payments on this device (the header's switch); null: nobody chosen. */
	staff = $state<string | null>(null);
	/** A manager session (15 minutes), in memory only: a reload asks for the PIN again. */
	manager = $state<{ token: string; name: string; expiresAt: string } | null>(null);
	/**
	 * Whether a payment form on this page holds input not yet saved: set by the form, read by whatever
	 * would throw that input away (the "Update now" button).
	 */
	draftInProgress = $state(false);
	persistence = $state<Persistence | null>(null);
	lastError = $state<string | null>(null);
	/** A clock for ages shown on screen ("waiting 12 min"), ticking every 15 s. */
	clock = $state(Date.now());
	readonly connection = $derived(connectionOf(this.status));
	readonly needsPairing = $derived(this.status.kind === 'unpaired');
	readonly pendingCount = $derived(this.queue.waiting);
	readonly today = $derived(todayIn(this.timeZone, new Date(this.clock)));

	#subscriptions: Unsubscribe[] = [];
	#stopEngine: (() => void) | null = null;
	#ticker: ReturnType<typeof setInterval> | null = null;
	#allocation: AllocationClient | null = null;

	constructor(db: PaysplitDb) {
		this.db = db;
		this.api = createBridgeApi({ token: () => this.device?.token ?? null });
		this.engine = createSyncEngine({
			db,
			api: this.api,
			platform: createBrowserPlatform(),
			onHealth: (health) => {
				this.pms = health.pms;
				void this.#keepPracticeZone(health.practice.timeZone);
			},
			afterPush: () => this.#loadPractice()
		});
	}

	/** The allocation worker, started on first use. */
	get allocation(): AllocationClient {
		this.#allocation ??= createAllocationClient();
		return this.#allocation;
	}

	start(): void {
		const now = () => Date.now();
		const onError = (what: string) => (error: unknown) => {
			this.lastError = `Could not read ${what} on this device: ${String(error)}`;
		};
		this.#subscriptions.push(
			// The device row, live in every tab: the sync leader may be another tab than the one that paired.
			observeTable(this.db, 'meta', (t) => t.toArray(), now).subscribe({
				next: (rows) => {
					const device = rows.find((r): r is DeviceRow => r.key === 'device') ?? null;
					const feed = rows.find((r): r is FeedStateRow => r.key === 'feed') ?? null;
					this.staff = rows.find((r): r is StaffRow => r.key === 'staff')?.name ?? null;
					const zone = rows.map((r) => practiceZoneRowSchema.safeParse(r)).find((r) => r.success)?.data;
					if (zone) {
						this.timeZone = zone.timeZone;
						this.practiceZoneKnown = true;
					}
					const repaired = device !== null && this.device !== null && device.token !== this.device.token;
					this.device = device;
					this.asOf = feed?.asOf ?? null;
					this.ready = true;
					if (repaired || (device && this.status.kind === 'unpaired')) this.engine.resume();
				},
				error: onError('the pairing')
			}),
			observeTable(this.db, 'payments', (t) => t.orderBy('updatedAt').reverse().toArray(), now).subscribe({
				next: (rows) => {
					this.payments = rows;
				},
				error: onError('saved payments')
			}),
			observeTable(this.db, 'settings', (t) => t.toArray(), now).subscribe({
				next: (rows) => {
					this.settings = rows[0] ?? null;
				},
				error: onError('the settings')
			}),
			observeQueueSummary(this.db, now).subscribe({
				next: (summary) => {
					this.queue = summary;
				},
				error: onError('the queue')
			})
		);
		this.#stopEngine = this.engine.subscribe(({ status }) => {
			this.status = status;
		});
		this.engine.start();
		this.#ticker = setInterval(() => (this.clock = Date.now()), 15_000);
	}

	stop(): void {
		for (const s of this.#subscriptions) s.unsubscribe();
		this.#subscriptions = [];
		this.#stopEngine?.();
		this.engine.stop();
		if (this.#ticker) clearInterval(this.#ticker);
		this.#allocation?.close();
		this.#allocation = null;
	}

	/** "Sync now". */
	sync(): void {
		this.engine.trigger('manual');
	}

	/** Saves a payment on this device (payment + outbox entry, one transaction); the engine sends it. */
	async save(draft: unknown): Promise<EnqueueResult> {
		// User Timing: "Save" to durably queued (the transaction committed), readable by benchmarks and DevTools.
		const started = performance.now();
		const result = await this.engine.enqueue(draft);
		performance.measure('paysplit:save', { start: started, end: performance.now() });
		// Ask for persistent storage once money is on the device (Chromium and Safari decide without a prompt).
		if (result.ok && this.persistence === null) void this.#requestPersistence();
		// Offline: ask the browser to wake the service worker when the network returns (Chromium's
		// Background Sync; a hint only — the page's own timers and events do the sending).
		if (result.ok && this.connection === 'offline') void requestBackgroundSync();
		return result;
	}

	async #requestPersistence(): Promise<void> {
		this.persistence = await requestPersistence(typeof navigator === 'undefined' ? undefined : navigator.storage);
	}

	/** After a good push: the settings and the patient feed (the leader's job, shared through IndexedDB). */
	async #loadPractice(): Promise<{ unauthorized?: boolean } | void> {
		const settings = await loadSettings(this.db, this.api, () => new Date());
		if (!settings.ok && settings.unauthorized) return { unauthorized: true };
		const loaded = await loadPractice(this.db, this.api, () => new Date());
		if (!loaded.ok && loaded.unauthorized) return { unauthorized: true };
		this.lastError = loaded.ok ? null : `The patient list could not be refreshed: ${loaded.message}`;
	}

	/** Keeps the practice's zone on this device (only when it changed: the meta table is observed by every tab). */
	async #keepPracticeZone(timeZone: string): Promise<void> {
		const parsed = practiceZoneRowSchema.safeParse({ key: 'practice', timeZone, savedAt: new Date().toISOString() });
		if (!parsed.success) return;
		this.timeZone = timeZone;
		this.practiceZoneKnown = true;
		const stored = practiceZoneRowSchema.safeParse(await this.db.meta.get('practice').catch(() => undefined));
		if (stored.success && stored.data.timeZone === timeZone) return;
		await this.db.meta.put(parsed.data).catch((error: unknown) => {
			this.lastError = `Could not keep the practice's time zone on this device: ${String(error)}`;
		});
	}

	/** The quick "who is taking payments" switch: kept on this device, shared by its tabs. */
	async setStaff(name: string | null): Promise<void> {
		const row: StaffRow = { key: 'staff', name: name ?? '', since: new Date().toISOString() };
		if (name) await this.db.meta.put(row);
		else await this.db.meta.delete('staff');
		this.staff = name;
	}

	/** Exchanges the manager PIN for a 15-minute manager session (DESIGN §6). */
	async openManagerSession(pin: string, name: string): Promise<{ ok: true } | { ok: false; message: string }> {
		const answer = await this.api.managerSession(pin, name || undefined);
		if (!answer.ok) return { ok: false, message: answer.kind === 'offline' ? 'The bridge cannot be reached: manager changes need it.' : answer.message };
		this.manager = { token: answer.value.token, name: name || 'manager', expiresAt: answer.value.expiresAt };
		return { ok: true };
	}

	/** The manager token while the session lasts. */
	managerToken(): string | null {
		if (!this.manager || Date.parse(this.manager.expiresAt) <= Date.now()) return null;
		return this.manager.token;
	}

	/** Reads the settings from the bridge into this device's cache now (after a save, or to compare). */
	async refreshSettings(): Promise<{ ok: true } | { ok: false; message: string }> {
		const loaded = await loadSettings(this.db, this.api, () => new Date());
		return loaded.ok ? loaded : { ok: false, message: loaded.message };
	}

	async pair(code: string, name: string): Promise<{ ok: true } | { ok: false; message: string }> {
		const result = await this.api.pair(code, name);
		if (!result.ok) return { ok: false, message: result.message };
		const row: DeviceRow = { key: 'device', deviceId: result.value.deviceId, token: result.value.token, name, pairedAt: new Date().toISOString() };
		await this.db.meta.put(row);
		this.device = row;
		// The practice's zone, kept from the start: a device paired and then taken offline still dates
		// payments by the practice's today.
		const health = await this.api.health();
		if (health.ok) await this.#keepPracticeZone(health.value.practice.timeZone);
		this.engine.resume();
		void this.#requestPersistence();
		return { ok: true };
	}
}
