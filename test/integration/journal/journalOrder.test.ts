import { describe, expect, it } from 'vitest';
import { migrate } from '$lib/server/store/migrate';
import { bridgeMigrations } from '$lib/server/store/bridgeMigrations';
import { openPostgres } from '$lib/server/store/openPostgres';
import { transition } from '$lib/server/journal/transition';
import { readChanges } from '$lib/server/journal/readChanges';
import { useSqlBackends } from '../../support/sqlBackends';
import { paymentId } from '../support/paymentIds';

/*
 * `GET /changes` hands out the journal's sequence as the cursor, so events must commit in sequence
 * order: on PostgreSQL a later event committing first would be read, the device's cursor would pass
 * the earlier one, and the device would never see it. Two bridge processes (two stores on one
 * database) journal at once; while the first transaction is open, the second must not commit.
 */

const backends = useSqlBackends();
const device = '00000000-0000-4000-8000-000000000001';

describe('the journal on PostgreSQL', () => {
	it('commits events in the order of their sequence, so a change-feed reader never passes one still to come', async () => {
		const url = await backends.postgres.newDatabaseUrl();
		const first = backends.closeAfterTest(await openPostgres(url));
		const second = backends.closeAfterTest(await openPostgres(url));
		await migrate(first, bridgeMigrations);
		await first.query(`INSERT INTO device (id, name, token_hash, paired_at) VALUES ($1, 'Desk', 'h', now())`, [device]);
		const ids = [paymentId(), paymentId()];
		for (const id of ids) {
			await first.query(
				`INSERT INTO payment (id, intent, content_key, patient_id, family_id, method_kind, amount, status, device_id, received_at, updated_at)
				 VALUES ($1, '{}', $2, '1', '1', 'cash', 100, 'accepted', $3, now(), now())`,
				[id, `key-${id}`, device]
			);
		}
		const at = new Date('2026-11-23T15:00:00Z');
		const move = (id: string) => ({ paymentId: id, event: { kind: 'clears_at_once' } as const, at, cause: 'test', actor: 'bridge' });

		let releaseFirst!: () => void;
		const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
		let firstJournaled!: () => void;
		const journaled = new Promise<void>((resolve) => (firstJournaled = resolve));
		const firstTx = first.transaction(async (tx) => {
			expect((await transition(tx, move(ids[0]!))).ok).toBe(true);
			firstJournaled();
			await firstHeld;
		});
		await journaled;
		let secondDone = false;
		const secondTx = second.transaction((tx) => transition(tx, move(ids[1]!))).then(() => (secondDone = true));
		await new Promise((r) => setTimeout(r, 500));
		// The second process waits for the first to commit; a reader sees neither event yet.
		expect(secondDone).toBe(false);
		expect((await readChanges(first, 0, 500))?.changes).toEqual([]);
		releaseFirst();
		await Promise.all([firstTx, secondTx]);
		const feed = await readChanges(first, 0, 500);
		expect(feed?.changes.map((c) => c.id)).toEqual(ids);
	});
});
