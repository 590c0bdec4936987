import { liveQuery, type Subscription } from 'dexie';
import { todayIn } from '$lib/domain/dates/todayIn';
import { createBridgeApi, type BridgeApi } from '../api/bridgeApi';
import { createAllocationClient, type AllocationClient } from '../allocation/createAllocationClient';
import { loadSettings } from '../practice/loadSettings';
import { PaysplitDb } from '../db/PaysplitDb';
import { deviceRowSchema, feedStateRowSchema, paymentRowSchema, settingsRowSchema, type DeviceRow, type PaymentRow, type SettingsRow } from '../db/rows';
import { readRows } from '../db/readRows';
import { loadPractice } from '../practice/loadPractice';
import { refreshPaymentStatuses } from '../payments/refreshPaymentStatuses';
import { sendQueuedPayments } from '../payments/sendQueuedPayments';

export type Connection = 'checking' | 'online' | 'offline';

/**
 * The front desk's state, shared by every page: the pairing, whether the bridge answers, the cached
 * practice and the payments taken here. Pages read it; the work is done by the functions it calls.
 */
export class DeskApp {
	readonly db: PaysplitDb;
	readonly api: BridgeApi;
	device = $state<DeviceRow | null>(null);
	ready = $state(false);
	connection = $state<Connection>('checking');
	timeZone = $state(Intl.DateTimeFormat().resolvedOptions().timeZone);
	asOf = $state<string | null>(null);
	payments = $state<PaymentRow[]>([]);
	settings = $state<SettingsRow | null>(null);
	syncing = $state(false);
	lastError = $state<string | null>(null);
	needsPairing = $state(false);
	readonly pendingCount = $derived(this.payments.filter((p) => p.status === 'queued').length);
	readonly today = $derived(todayIn(this.timeZone, new Date()));

	#subscriptions: Subscription[] = [];
	#allocation: AllocationClient | null = null;

	/** The allocation worker, started on first use. */
	get allocation(): AllocationClient {
		this.#allocation ??= createAllocationClient();
		return this.#allocation;
	}
	#timer: ReturnType<typeof setInterval> | null = null;

	constructor() {
		this.db = new PaysplitDb();
		this.api = createBridgeApi({ token: () => this.device?.token ?? null });
	}

	async start(): Promise<void> {
		const device = deviceRowSchema.safeParse(await this.db.meta.get('device'));
		this.device = device.success ? device.data : null;
		const feed = feedStateRowSchema.safeParse(await this.db.meta.get('feed'));
		this.asOf = feed.success ? feed.data.asOf : null;
		this.#subscriptions.push(
			liveQuery(() => this.db.payments.orderBy('updatedAt').reverse().toArray()).subscribe({
				next: (rows) => {
					this.payments = readRows(paymentRowSchema, rows).good;
				},
				error: (error) => {
					this.lastError = `Could not read saved payments: ${String(error)}`;
				}
			}),
			liveQuery(() => this.db.settings.get('practice')).subscribe({
				next: (row) => {
					const parsed = settingsRowSchema.safeParse(row);
					this.settings = parsed.success ? parsed.data : null;
				}
			})
		);
		this.ready = true;
		await this.sync();
		this.#timer = setInterval(() => void this.sync(), 15_000);
		window.addEventListener('online', this.#onHint);
		document.addEventListener('visibilitychange', this.#onHint);
	}

	stop(): void {
		for (const s of this.#subscriptions) s.unsubscribe();
		this.#allocation?.close();
		this.#allocation = null;
		if (this.#timer) clearInterval(this.#timer);
		window.removeEventListener('online', this.#onHint);
		document.removeEventListener('visibilitychange', this.#onHint);
	}

	#onHint = () => {
		if (document.visibilityState !== 'hidden') void this.sync();
	};

	/** Checks the bridge, sends what waits, refreshes statuses and the practice copy. */
	async sync(): Promise<void> {
		if (this.syncing) return;
		this.syncing = true;
		try {
			const health = await this.api.health();
			this.connection = health.ok ? 'online' : 'offline';
			if (!health.ok || !this.device) return;
			this.timeZone = health.value.practice.timeZone;
			const sent = await sendQueuedPayments(this.db, this.api, () => new Date());
			if (sent.unauthorized) return this.#lostPairing();
			await refreshPaymentStatuses(this.db, this.api, () => new Date());
			const settings = await loadSettings(this.db, this.api, () => new Date());
			if (!settings.ok && settings.unauthorized) return this.#lostPairing();
			const loaded = await loadPractice(this.db, this.api, () => new Date());
			if (!loaded.ok && loaded.unauthorized) return this.#lostPairing();
			if (loaded.ok) this.asOf = loaded.asOf;
			this.lastError = loaded.ok ? (sent.message ?? null) : loaded.message;
		} finally {
			this.syncing = false;
		}
	}

	#lostPairing(): void {
		this.needsPairing = true;
		this.lastError = 'The bridge no longer knows this device. Pair it again; payments saved here are kept and will be sent once it is paired.';
	}

	async pair(code: string, name: string): Promise<{ ok: true } | { ok: false; message: string }> {
		const result = await this.api.pair(code, name);
		if (!result.ok) return { ok: false, message: result.message };
		const row: DeviceRow = { key: 'device', deviceId: result.value.deviceId, token: result.value.token, name, pairedAt: new Date().toISOString() };
		await this.db.meta.put(row);
		this.device = row;
		this.needsPairing = false;
		await this.sync();
		return { ok: true };
	}
}
