// liveQuery runs only where Dexie found a global indexedDB at load (dexie.mjs: `!domDeps.indexedDB`),
// so this must come before Dexie is imported; the tests still use their own factory.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { quarantineRows } from '$lib/client/db/quarantineRows';
import { readTable } from '$lib/client/db/readTable';
import { observeQueueSummary } from '$lib/client/sync/observeQueueSummary';
import { enqueuePayment } from '$lib/client/sync/enqueuePayment';
import { makeIntent } from '../sync/doubles/makeIntent';
import { freshDb } from './testDb';

const now = () => Date.parse('2026-11-23T15:00:00.000Z');

describe('every row read is parsed; a bad one is quarantined, never dropped (DESIGN §5)', () => {
	it('a corrupted payment goes to the quarantine with its outbox entry; the good rows are returned', async () => {
		const { db } = freshDb();
		const good = makeIntent();
		const bad = makeIntent();
		await enqueuePayment(db, good, now);
		await enqueuePayment(db, bad, now);
		await db.payments.update(bad.id, { 'intent.amount': 'twenty' } as never);

		const rows = await readTable(db, 'payments', (t) => t.toArray(), now);
		expect(rows.map((r) => r.id)).toEqual([good.id]);
		expect(await db.payments.get(bad.id)).toBeUndefined();
		expect(await db.outbox.get(bad.id)).toBeUndefined();
		const quarantined = await db.quarantine.orderBy('id').toArray();
		expect(quarantined).toMatchObject([
			{ table: 'payments', key: bad.id, row: { id: bad.id, intent: { amount: 'twenty' } }, problem: expect.stringContaining('intent.amount'), at: '2026-11-23T15:00:00.000Z' },
			{ table: 'outbox', key: bad.id, row: { paymentId: bad.id }, problem: expect.stringContaining('quarantine') }
		]);
	});

	it('a corrupted outbox entry is quarantined and replaced by a fresh one, so its payment is still sent', async () => {
		const { db } = freshDb();
		const intent = makeIntent();
		await enqueuePayment(db, intent, now);
		await db.outbox.update(intent.id, { attempts: -3 });
		expect(await readTable(db, 'outbox', (t) => t.toArray(), now)).toEqual([]);
		expect(await db.quarantine.toArray()).toMatchObject([{ table: 'outbox', key: intent.id, row: { attempts: -3 } }]);
		expect(await db.outbox.get(intent.id)).toEqual({ paymentId: intent.id, enqueuedAt: now(), attempts: 0, mayBeAtBridge: true });
	});

	it('rows of the other tables (meta, patients, families, settings) are quarantined the same way', async () => {
		const { db } = freshDb();
		await db.patients.bulkAdd([{ id: '1', guarantorId: '1', firstName: 'Ada', lastName: 'Lovelace', searchName: 'lovelace ada' }, { id: '2', guarantorId: '1', firstName: 7, lastName: 'X', searchName: 'x' } as never]);
		await db.meta.put({ key: 'device', deviceId: 'd', token: 'short', name: 'n', pairedAt: 'p' } as never);
		await db.meta.put({ key: 'mystery' } as never);
		await db.families.put({ guarantorId: '1', balance: 1.5 } as never);
		await db.settings.put({ key: 'practice' } as never);
		expect((await readTable(db, 'patients', (t) => t.toArray(), now)).map((p) => p.id)).toEqual(['1']);
		expect((await readTable(db, 'meta', (t) => t.toArray(), now)).map((m) => m.key)).toEqual(['device']);
		expect(await readTable(db, 'families', (t) => t.toArray(), now)).toEqual([]);
		expect(await readTable(db, 'settings', (t) => t.toArray(), now)).toEqual([]);
		const tables = (await db.quarantine.toArray()).map((q) => `${q.table}:${q.key}`).sort();
		expect(tables).toEqual(['families:1', 'meta:mystery', 'patients:2', 'settings:practice']);
	});

	it('a row fixed by another tab before the move is left where it is', async () => {
		const { db } = freshDb();
		const intent = makeIntent();
		await enqueuePayment(db, intent, now);
		const stale = { ...(await db.payments.get(intent.id)), intent: { ...intent, amount: 'twenty' } };
		expect(await quarantineRows(db, [{ table: 'payments', row: stale, problem: 'bad amount' }], now)).toBe(0);
		expect((await db.payments.get(intent.id))?.intent.amount).toBe(2500);
		expect(await db.quarantine.count()).toBe(0);
	});

	it('a live view moves a corrupted row it meets to the quarantine and then shows the clean value', async () => {
		const { db } = freshDb();
		const first = makeIntent();
		await enqueuePayment(db, first, () => 1_000);
		await enqueuePayment(db, makeIntent(), () => 2_000);
		await db.outbox.update(first.id, { attempts: 'many' } as never);
		const seen: unknown[] = [];
		const subscription = observeQueueSummary(db, now).subscribe((summary) => seen.push(summary));
		await expect.poll(() => seen.at(-1)).toEqual({ waiting: 2, oldestEnqueuedAt: 1_000, rejected: 0, quarantined: 1 });
		subscription.unsubscribe();
		expect(await db.outbox.get(first.id)).toMatchObject({ attempts: 0, mayBeAtBridge: true });
	});
});

describe('observeTable', () => {
	it('a live read of a table leaves out and quarantines a corrupted row', async () => {
		const { observeTable } = await import('$lib/client/db/observeTable');
		const { db } = freshDb();
		await db.patients.bulkAdd([{ id: '1', guarantorId: '1', firstName: 'Ada', lastName: 'Lovelace', searchName: 'lovelace ada' }, { id: '2', guarantorId: null } as never]);
		let ids: string[] = [];
		const subscription = observeTable(db, 'patients', (t) => t.toArray(), now).subscribe((rows) => (ids = rows.map((r) => r.id)));
		await expect.poll(() => ids).toEqual(['1']);
		await expect.poll(() => db.quarantine.count()).toBe(1);
		subscription.unsubscribe();
	});
});
