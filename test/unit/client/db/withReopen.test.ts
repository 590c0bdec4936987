import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { isConnectionLost } from '$lib/client/db/isConnectionLost';
import { withReopen } from '$lib/client/db/withReopen';
import { enqueuePayment } from '$lib/client/sync/enqueuePayment';
import { makeIntent } from '../sync/doubles/makeIntent';
import { freshDb } from './testDb';

function lost(message = 'Connection to Indexed Database server lost. Refresh the page to try again'): Error {
	const error = new Error(message);
	error.name = 'UnknownError';
	return error;
}

describe('a lost IndexedDB connection (iOS after backgrounding) is reopened and the operation retried once', () => {
	it('recognises the errors WebKit and Dexie give for a dropped connection, and only those', () => {
		expect(isConnectionLost(new Dexie.DatabaseClosedError())).toBe(true);
		expect(isConnectionLost(lost())).toBe(true);
		const closing = new Error("Failed to execute 'transaction' on 'IDBDatabase': The database connection is closing.");
		closing.name = 'InvalidStateError';
		expect(isConnectionLost(closing)).toBe(true);
		expect(isConnectionLost(Object.assign(new Error('wrapped'), { name: 'AbortError', inner: lost() }))).toBe(true);
		expect(isConnectionLost(Object.assign(new Error('Key already exists'), { name: 'ConstraintError' }))).toBe(false);
		expect(isConnectionLost(Object.assign(new Error('The transaction is not active'), { name: 'TransactionInactiveError' }))).toBe(false);
	});

	it('reopens the database and retries once after a lost connection', async () => {
		const { db } = freshDb();
		await db.open();
		const close = vi.spyOn(db, 'close');
		const open = vi.spyOn(db, 'open');
		let calls = 0;
		const result = await withReopen(db, async () => {
			calls += 1;
			if (calls === 1) throw lost();
			return db.payments.count();
		});
		expect(result).toBe(0);
		expect(calls).toBe(2);
		expect(close).toHaveBeenCalledTimes(1);
		expect(open).toHaveBeenCalledTimes(1);
	});

	it('gives up after the one retry', async () => {
		const { db } = freshDb();
		let calls = 0;
		await expect(
			withReopen(db, async () => {
				calls += 1;
				throw lost();
			})
		).rejects.toThrow('Connection to Indexed Database server lost');
		expect(calls).toBe(2);
	});

	it('does not retry other errors', async () => {
		const { db } = freshDb();
		let calls = 0;
		await expect(
			withReopen(db, async () => {
				calls += 1;
				throw Object.assign(new Error('Key already exists'), { name: 'ConstraintError' });
			})
		).rejects.toThrow('Key already exists');
		expect(calls).toBe(1);
	});

	it('a payment saved after the connection was closed under the app is still saved', async () => {
		const { db } = freshDb();
		await db.open();
		db.close(); // as WebKit does; Dexie 4 then refuses every operation with DatabaseClosedError
		await expect(db.payments.count()).rejects.toMatchObject({ name: 'DatabaseClosedError' });
		const intent = makeIntent();
		const saved = await enqueuePayment(db, intent, () => 1);
		expect(saved.ok).toBe(true);
		expect(await db.outbox.get(intent.id)).toMatchObject({ paymentId: intent.id });
	});
});
