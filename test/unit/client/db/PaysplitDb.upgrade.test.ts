import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { PaysplitDb } from '$lib/client/db/PaysplitDb';
import { makeIntent } from '../sync/doubles/makeIntent';

/** The database exactly as version 2 of the app declared it. */
function openV2(indexedDB: IDBFactory): Dexie {
	const db = new Dexie('paysplit', { indexedDB, IDBKeyRange });
	db.version(1).stores({ meta: 'key', patients: 'id, guarantorId, searchName', families: 'guarantorId', payments: 'id, status, updatedAt, intent.patientId' });
	db.version(2).stores({ settings: 'key' });
	return db;
}

describe('Dexie versions (DESIGN §5)', () => {
	it('upgrading from v2 gives every queued payment an outbox entry, oldest first, marked as possibly at the bridge', async () => {
		const indexedDB = new IDBFactory();
		const v2 = openV2(indexedDB);
		const early = makeIntent({ takenAt: '2026-11-23T09:00:00.000Z' });
		const late = makeIntent({ takenAt: '2026-11-23T10:00:00.000Z' });
		const sent = makeIntent();
		const rejected = makeIntent();
		await v2.table('payments').bulkAdd([
			{ id: late.id, intent: late, status: 'queued', updatedAt: late.takenAt },
			{ id: early.id, intent: early, status: 'queued', updatedAt: early.takenAt },
			{ id: sent.id, intent: sent, status: 'accepted', updatedAt: sent.takenAt },
			{ id: rejected.id, intent: rejected, status: 'rejected', reason: 'no', updatedAt: rejected.takenAt }
		]);
		await v2.table('meta').put({ key: 'device', deviceId: 'd', token: 't'.repeat(32), name: 'Front desk', pairedAt: '2026-11-01T00:00:00.000Z' });
		v2.close();

		const db = new PaysplitDb({ indexedDB, IDBKeyRange });
		await db.open();
		expect(db.verno).toBe(3);
		const entries = await db.outbox.orderBy('[enqueuedAt+paymentId]').toArray();
		expect(entries).toEqual([
			{ paymentId: early.id, enqueuedAt: Date.parse(early.takenAt), attempts: 0, mayBeAtBridge: true },
			{ paymentId: late.id, enqueuedAt: Date.parse(late.takenAt), attempts: 0, mayBeAtBridge: true }
		]);
		// Nothing else changed: the rows other code reads keep their shape.
		expect((await db.payments.get(sent.id))?.status).toBe('accepted');
		expect(await db.payments.count()).toBe(4);
		expect((await db.meta.get('device'))?.key).toBe('device');
		expect(await db.quarantine.count()).toBe(0);
		db.close();
	});

	it('a new database opens at v3 with empty outbox and quarantine', async () => {
		const db = new PaysplitDb({ indexedDB: new IDBFactory(), IDBKeyRange });
		await db.open();
		expect(db.verno).toBe(3);
		expect(db.tables.map((t) => t.name).sort()).toEqual(['families', 'meta', 'outbox', 'patients', 'payments', 'quarantine', 'settings']);
		db.close();
	});
});
