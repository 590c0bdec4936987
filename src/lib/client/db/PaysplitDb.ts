import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { FamilyRow, MetaRow, OutboxRow, PatientRow, PaymentRow, QuarantineRow, SettingsRow } from './rows';

/** The order the outbox is sent in: oldest first, ties broken by payment id. */
export const OUTBOX_ORDER = '[enqueuedAt+paymentId]';

export type PaysplitDbOptions = { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange };

/**
 * The device's database `paysplit` (DESIGN §5). Schema changes only through new versions with
 * upgrade functions; never edit a released version.
 */
export class PaysplitDb extends Dexie {
	meta!: EntityTable<MetaRow, 'key'>;
	patients!: EntityTable<PatientRow, 'id'>;
	families!: EntityTable<FamilyRow, 'guarantorId'>;
	payments!: EntityTable<PaymentRow, 'id'>;
	settings!: EntityTable<SettingsRow, 'key'>;
	outbox!: EntityTable<OutboxRow, 'paymentId'>;
	quarantine!: EntityTable<QuarantineRow, 'id'>;

	constructor(options: PaysplitDbOptions = {}, name = 'paysplit') {
		super(name, options);
		this.version(1).stores({
			meta: 'key',
			patients: 'id, guarantorId, searchName',
			families: 'guarantorId',
			payments: 'id, status, updatedAt, intent.patientId'
		});
		// v2: the practice's settings and the PMS's options, cached for offline previews.
		this.version(2).stores({ settings: 'key' });
		// v3: the outbox (one entry per queued payment, sent oldest first) and the quarantine of rows
		// that failed their schema. Payments saved as `queued` by v2 get their outbox entry here.
		this.version(3)
			.stores({ outbox: `paymentId, ${OUTBOX_ORDER}`, quarantine: '++id, table, at' })
			.upgrade(moveQueuedPaymentsIntoOutbox);
	}
}

/**
 * v2 → v3. v2 kept the queue as "payments with status queued"; v3 needs an outbox entry for each.
 * Rows are read raw (the v2 code may have written anything): only the fields the entry needs are
 * looked at, and a row without a usable id is left for the readers to quarantine. v2's sender may
 * already have delivered a queued payment whose answer was lost, so `mayBeAtBridge` is true.
 */
export async function moveQueuedPaymentsIntoOutbox(tx: Transaction): Promise<void> {
	const queued: unknown[] = await tx.table('payments').where('status').equals('queued').toArray();
	// An upgrade runs before the app has its injected clock; the wall clock is only a fallback for
	// rows that carry no usable time of their own.
	const fallback = Date.now();
	const entries: OutboxRow[] = [];
	for (const row of queued) {
		if (typeof row !== 'object' || row === null) continue;
		const { id, intent, updatedAt } = row as { id?: unknown; intent?: { takenAt?: unknown }; updatedAt?: unknown };
		if (typeof id !== 'string') continue;
		const enqueuedAt = firstTime(intent?.takenAt, updatedAt) ?? fallback;
		entries.push({ paymentId: id, enqueuedAt, attempts: 0, mayBeAtBridge: true });
	}
	await tx.table('outbox').bulkPut(entries);
}

function firstTime(...candidates: unknown[]): number | undefined {
	for (const candidate of candidates) {
		if (typeof candidate !== 'string') continue;
		const ms = Date.parse(candidate);
		if (Number.isFinite(ms)) return ms;
	}
	return undefined;
}
