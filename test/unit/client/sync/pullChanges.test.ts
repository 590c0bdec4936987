import { describe, expect, it } from 'vitest';
import { createBridgeApi } from '$lib/client/api/bridgeApi';
import type { PaysplitDb } from '$lib/client/db/PaysplitDb';
import type { ChangesCursorRow, DeviceRow, PaymentRow } from '$lib/client/db/rows';
import { enqueuePayment } from '$lib/client/sync/enqueuePayment';
import { pullChanges, type PullOptions } from '$lib/client/sync/pullChanges';
import { recordChanges } from '$lib/client/sync/recordChanges';
import type { BridgeStatus } from '$lib/domain/payment/PaymentStatus';
import { freshDb } from '../db/testDb';
import { FakeBridge } from './doubles/FakeBridge';
import { makeIntent } from './doubles/makeIntent';

const now = () => Date.parse('2026-11-23T15:00:00.000Z');
const cursor = (seq: number) => String(seq).padStart(16, '0');

function setup() {
	const { db } = freshDb();
	const bridge = new FakeBridge();
	const api = createBridgeApi({ fetch: bridge.fetchFor('tab1'), token: () => 'device-token' });
	const pull = (options: PullOptions = {}) => pullChanges(db, api, now, options);
	return { db, bridge, pull };
}

/** A payment this device took and the bridge holds, both at `status` (as after a push answer). */
async function taken(db: PaysplitDb, bridge: FakeBridge, status: BridgeStatus = 'accepted'): Promise<string> {
	const intent = makeIntent();
	bridge.seed(intent, status);
	const row: PaymentRow = { id: intent.id, intent, status, updatedAt: '2026-11-23T14:00:00.000Z' };
	await db.payments.put(row);
	return intent.id;
}

const statusOf = async (db: PaysplitDb, id: string) => (await db.payments.get(id))?.status;
const storedCursor = async (db: PaysplitDb) => ((await db.meta.get('changes')) as { cursor?: string } | undefined)?.cursor;

describe('pulling status changes (GET /changes, DESIGN §2 step 7)', () => {
	it('gives each payment on this device the status and reason the bridge reports, and drops a reason the change has none of', async () => {
		const { db, bridge, pull } = setup();
		const id = await taken(db, bridge);
		bridge.setStatus(id, 'needs_attention', 'The PMS refused the payment type.');
		expect(await pull()).toEqual({ kind: 'done', changed: 1 });
		expect(await db.payments.get(id)).toMatchObject({ status: 'needs_attention', reason: 'The PMS refused the payment type.', updatedAt: new Date(now()).toISOString() });
		bridge.setStatus(id, 'posting');
		expect(await pull()).toEqual({ kind: 'done', changed: 1 });
		const row = await db.payments.get(id);
		expect(row?.status).toBe('posting');
		expect(row && 'reason' in row).toBe(false);
	});

	it('several changes for one payment: the last one wins, and the row is written once', async () => {
		const { db, bridge, pull } = setup();
		const id = await taken(db, bridge);
		for (const status of ['cleared', 'posting', 'posted', 'verified'] as const) bridge.setStatus(id, status);
		expect(await pull()).toEqual({ kind: 'done', changed: 1 });
		expect(await statusOf(db, id)).toBe('verified');
	});

	it('ignores the changes of payments this device does not hold (other devices’ payments)', async () => {
		const { db, bridge, pull } = setup();
		const mine = await taken(db, bridge);
		const theirs = makeIntent();
		bridge.seed(theirs);
		bridge.setStatus(theirs.id, 'verified');
		bridge.setStatus(mine, 'cleared');
		expect(await pull()).toEqual({ kind: 'done', changed: 1 });
		expect(await db.payments.get(theirs.id)).toBeUndefined();
		expect((await db.payments.toArray()).map((r) => r.id)).toEqual([mine]);
		expect(await storedCursor(db)).toBe(cursor(4));
	});

	it('stores the cursor and starts the next pull from it: nothing is read twice', async () => {
		const { db, bridge, pull } = setup();
		const id = await taken(db, bridge);
		bridge.setStatus(id, 'cleared');
		await pull();
		expect(await storedCursor(db)).toBe(cursor(2));
		bridge.setStatus(id, 'posting');
		expect(await pull()).toEqual({ kind: 'done', changed: 1 });
		expect(await pull()).toEqual({ kind: 'done', changed: 0 });
		expect(bridge.changesRequests.map((r) => r.since)).toEqual([null, cursor(2), cursor(2), cursor(3), cursor(3)]);
		expect(await statusOf(db, id)).toBe('posting');
	});

	it('reads page after page until a page is empty, and at most maxPages per pull; the next pull goes on', async () => {
		const { db, bridge, pull } = setup();
		const a = await taken(db, bridge);
		const b = await taken(db, bridge);
		bridge.setStatus(a, 'cleared');
		bridge.setStatus(b, 'cleared');
		bridge.setStatus(a, 'posting');
		bridge.setStatus(a, 'posted');
		bridge.setStatus(b, 'needs_attention', 'No such payment type in the PMS.');
		// 7 events in pages of 2: the cap of 2 pages stops after the 4th.
		expect(await pull({ pageSize: 2, maxPages: 2 })).toEqual({ kind: 'done', changed: 2 });
		expect(await storedCursor(db)).toBe(cursor(4));
		expect([await statusOf(db, a), await statusOf(db, b)]).toEqual(['cleared', 'cleared']);
		expect(await pull({ pageSize: 2 })).toEqual({ kind: 'done', changed: 2 });
		expect(bridge.changesRequests.map((r) => [r.since, r.limit])).toEqual([
			[null, '2'],
			[cursor(2), '2'],
			[cursor(4), '2'],
			[cursor(6), '2'],
			[cursor(7), '2']
		]);
		expect(await db.payments.get(a)).toMatchObject({ status: 'posted' });
		expect(await db.payments.get(b)).toMatchObject({ status: 'needs_attention', reason: 'No such payment type in the PMS.' });
		expect(await storedCursor(db)).toBe(cursor(7));
	});

	it('asks for 500 changes a page by default, the most the bridge gives', async () => {
		const { bridge, pull } = setup();
		await pull();
		expect(bridge.changesRequests).toEqual([{ since: null, limit: '500' }]);
	});

	it('a cursor the bridge does not know (its database was replaced) starts again from the beginning', async () => {
		const { db, bridge, pull } = setup();
		const old = await taken(db, bridge);
		for (const status of ['cleared', 'posting', 'posted'] as const) bridge.setStatus(old, status);
		await pull();
		expect(await storedCursor(db)).toBe(cursor(4));
		bridge.replaceDatabase();
		const id = await taken(db, bridge);
		bridge.setStatus(id, 'cleared');
		expect(await pull()).toEqual({ kind: 'done', changed: 1 });
		expect(bridge.changesRequests.slice(2).map((r) => r.since)).toEqual([cursor(4), null, cursor(2)]);
		expect(await statusOf(db, id)).toBe('cleared');
		expect(await statusOf(db, old)).toBe('posted');
		expect(await storedCursor(db)).toBe(cursor(2));
	});

	it('a stored cursor that is not a cursor at all (400) also starts again from the beginning', async () => {
		const { db, bridge, pull } = setup();
		const id = await taken(db, bridge);
		const stored: ChangesCursorRow = { key: 'changes', cursor: 'not-a-cursor', savedAt: '2026-11-23T14:00:00.000Z' };
		await db.meta.put(stored);
		expect(await pull()).toEqual({ kind: 'done', changed: 0 });
		expect(bridge.changesRequests.map((r) => r.since)).toEqual(['not-a-cursor', null, cursor(1)]);
		expect(await storedCursor(db)).toBe(cursor(1));
		expect(await statusOf(db, id)).toBe('accepted');
	});

	it('starts again at most once per pull: a bridge that refuses every cursor ends the pull as an error, not a loop', async () => {
		const { db, bridge, pull } = setup();
		await taken(db, bridge);
		await pull();
		bridge.changesScript = [{ status: 400 }, { status: 400 }];
		expect(await pull()).toEqual({ kind: 'error', message: 'Status changes could not be read: Refused with 400.' });
		expect(bridge.changesRequests.slice(2).map((r) => r.since)).toEqual([cursor(1), null]);
		expect(await storedCursor(db)).toBeUndefined();
	});

	it('401 → unpaired, with the cursor and the statuses as they were', async () => {
		const { db, bridge, pull } = setup();
		const id = await taken(db, bridge);
		await pull();
		bridge.setStatus(id, 'cleared');
		bridge.changesScript = [{ status: 401 }];
		expect(await pull()).toEqual({ kind: 'unpaired', message: 'Refused with 401.' });
		expect(await storedCursor(db)).toBe(cursor(1));
		expect(await statusOf(db, id)).toBe('accepted');
	});

	it('a network failure in the middle of paging → offline; what was recorded matches the stored cursor, and the next pull goes on from there', async () => {
		const { db, bridge, pull } = setup();
		const a = await taken(db, bridge);
		const b = await taken(db, bridge);
		bridge.setStatus(a, 'cleared');
		bridge.setStatus(b, 'cleared');
		bridge.changesScript = ['ok', 'lose-request'];
		expect(await pull({ pageSize: 3 })).toMatchObject({ kind: 'offline', message: 'Failed to fetch' });
		// The first page (events 1–3) is recorded with its cursor; event 4 is not, nor past the cursor.
		expect(await storedCursor(db)).toBe(cursor(3));
		expect([await statusOf(db, a), await statusOf(db, b)]).toEqual(['cleared', 'accepted']);
		expect(await pull({ pageSize: 3 })).toEqual({ kind: 'done', changed: 1 });
		expect(await statusOf(db, b)).toBe('cleared');
		expect(bridge.changesRequests.map((r) => r.since)).toEqual([null, cursor(3), cursor(3), cursor(4)]);
	});

	it('leaves a row whose status is the device’s own (queued, rejected) or final: the outbox, a conflict’s other payment, and an old change read again cannot move it', async () => {
		const { db, bridge, pull } = setup();
		// Queued on this device (its push answer was lost) though the bridge has moved it on.
		const queued = makeIntent();
		await enqueuePayment(db, queued, now);
		bridge.seed(queued);
		bridge.setStatus(queued.id, 'cleared');
		// Rejected as a conflict: the bridge's changes under this id are another payment's.
		const conflicting = makeIntent();
		bridge.seed(makeIntent({ id: conflicting.id, amount: 9_900 }));
		await db.payments.put({ id: conflicting.id, intent: conflicting, status: 'rejected', reason: 'Already received with different details.', rejection: { code: 'conflict', issues: [] }, updatedAt: '2026-11-23T14:00:00.000Z' });
		// Verified here; an old change for it comes again (a cursor that started over).
		const verified = await taken(db, bridge, 'verified');
		bridge.setStatus(verified, 'posting');
		expect(await pull()).toEqual({ kind: 'done', changed: 0 });
		expect(await statusOf(db, queued.id)).toBe('queued');
		expect(await db.outbox.get(queued.id)).toBeDefined();
		expect(await db.payments.get(conflicting.id)).toMatchObject({ status: 'rejected', rejection: { code: 'conflict' } });
		expect(await statusOf(db, verified)).toBe('verified');
		expect(await storedCursor(db)).toBe(cursor(5));
	});

	it('keeps the last change of a row it may not write (queued, rejected) on that row, for the push answer: the cursor moves past it', async () => {
		const { db, bridge, pull } = setup();
		const queued = makeIntent();
		await enqueuePayment(db, queued, now);
		bridge.seed(queued);
		bridge.setStatus(queued.id, 'needs_attention', 'The PMS refused the payment type.');
		expect(await pull()).toEqual({ kind: 'done', changed: 0 });
		expect(await db.payments.get(queued.id)).toMatchObject({ status: 'queued', heldChange: { status: 'needs_attention', reason: 'The PMS refused the payment type.' } });
		expect((await db.payments.get(queued.id))?.reason).toBeUndefined();
		// A later change without a reason replaces it whole.
		bridge.setStatus(queued.id, 'cleared');
		await pull();
		expect((await db.payments.get(queued.id))?.heldChange).toEqual({ status: 'cleared' });
		expect(await db.outbox.get(queued.id)).toBeDefined();
	});

	it('a payment already final here (from a push answered duplicate, which carries no reason) still gets the reason of that same status', async () => {
		const { db, bridge, pull } = setup();
		const id = await taken(db, bridge, 'voided');
		bridge.setStatus(id, 'voided', 'Card run twice by mistake');
		expect(await pull()).toEqual({ kind: 'done', changed: 1 });
		expect(await db.payments.get(id)).toMatchObject({ status: 'voided', reason: 'Card run twice by mistake' });
	});

	it('a change with a status this device does not know is skipped; the last known one stands', async () => {
		const { db, bridge, pull } = setup();
		const id = await taken(db, bridge);
		bridge.setStatus(id, 'cleared');
		bridge.appendEvent(id, 'teleported');
		expect(await pull()).toEqual({ kind: 'done', changed: 1 });
		expect(await statusOf(db, id)).toBe('cleared');
		expect(await storedCursor(db)).toBe(cursor(3));
	});

	it.each([
		['a change without an id', { changes: [{ cursor: cursor(1), status: 'cleared', at: '2026-11-23T15:00:00.000Z' }], next: cursor(1) }, 'changes.0.id'],
		['a time that is not a time', { changes: [{ cursor: cursor(1), id: 'x', status: 'cleared', at: 'yesterday' }], next: cursor(1) }, 'changes.0.at'],
		['no next cursor', { changes: [] }, 'next'],
		['not an object', 'ok', 'expected object']
	])('an answer that cannot be read (%s) is an error naming what was wrong; nothing is recorded', async (_label, body, named) => {
		const { db, bridge, pull } = setup();
		const id = await taken(db, bridge);
		bridge.setStatus(id, 'cleared');
		bridge.changesScript = [{ body }];
		const outcome = await pull();
		expect(outcome).toMatchObject({ kind: 'error', message: expect.stringContaining(named) });
		expect(outcome).toMatchObject({ message: expect.stringContaining('Status changes could not be read') });
		expect(await storedCursor(db)).toBeUndefined();
		expect(await statusOf(db, id)).toBe('accepted');
	});

	it('a 5xx is an error for the sync to retry, not a restart from the beginning', async () => {
		const { db, bridge, pull } = setup();
		await taken(db, bridge);
		await pull();
		bridge.changesScript = [{ status: 500 }];
		expect(await pull()).toEqual({ kind: 'error', message: 'Status changes could not be read: Refused with 500.' });
		expect(bridge.changesRequests.map((r) => r.since)).toEqual([null, cursor(1), cursor(1)]);
		expect(await storedCursor(db)).toBe(cursor(1));
	});

	it('a cursor read under another pairing is not used: the pull starts from the beginning and keeps the new pairing', async () => {
		const { db, bridge, pull } = setup();
		const id = await taken(db, bridge);
		bridge.setStatus(id, 'cleared');
		const device: DeviceRow = { key: 'device', deviceId: 'device-2', token: 'device-token', name: 'Front desk', pairedAt: '2026-11-23T14:00:00.000Z' };
		const stored: ChangesCursorRow = { key: 'changes', cursor: cursor(2), deviceId: 'device-1', savedAt: '2026-11-23T14:00:00.000Z' };
		await db.meta.bulkPut([device, stored]);
		expect(await pull()).toEqual({ kind: 'done', changed: 1 });
		expect(bridge.changesRequests[0]?.since).toBeNull();
		expect(await db.meta.get('changes')).toMatchObject({ cursor: cursor(2), deviceId: 'device-2' });
	});

	it('a malformed stored cursor goes to the quarantine and the pull starts from the beginning', async () => {
		const { db, bridge, pull } = setup();
		await taken(db, bridge);
		await db.meta.put({ key: 'changes', cursor: 42 } as never);
		expect(await pull()).toEqual({ kind: 'done', changed: 0 });
		expect(bridge.changesRequests[0]?.since).toBeNull();
		expect((await db.quarantine.toArray()).map((q) => [q.table, q.key])).toEqual([['meta', 'changes']]);
		expect(await storedCursor(db)).toBe(cursor(1));
	});

	it('a page fetched after a cursor that another run has since moved is not recorded (statuses and cursor never go back)', async () => {
		const { db, bridge, pull } = setup();
		const id = await taken(db, bridge);
		bridge.setStatus(id, 'cleared');
		const stalePage = { changes: [{ cursor: cursor(1), id, status: 'accepted', at: '2026-11-23T15:00:00.000Z' }], next: cursor(1) };
		await pull();
		expect(await recordChanges(db, stalePage, { cursor: null, deviceId: undefined }, now)).toEqual({ recorded: false });
		expect(await statusOf(db, id)).toBe('cleared');
		expect(await storedCursor(db)).toBe(cursor(2));
	});
});
