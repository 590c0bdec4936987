import type { DemoClock } from '../demo-pms/api/postPayment';
import type { Sql } from '../store/Sql';
import { landPayment, type QueuedPayment } from './landPayment';
import type { NexEmr } from './nexEmr';

/**
 * The writes NexHealth has accepted (202) and not yet made in the PMS (docs how-a-write-reaches-the-ehr:
 * accepted → written by the Synchronizer → read back, minutes later). Each lands `syncSeconds` after
 * it was accepted, by a timer this queue owns, in one transaction; while the write side is red
 * (sync_status) it waits, and lands `syncSeconds` after it turns green. Kept in the database
 * (write_request), so that a restarted stand-alone fake still lands what it accepted.
 */
export function createWriteQueue(options: { sql: Sql; clock: DemoClock; emr: NexEmr; syncSeconds: () => number; writeGreen: () => boolean; log?: (message: string, error: unknown) => void }) {
	const { sql, clock, emr } = options;
	const timers = new Set<ReturnType<typeof setTimeout>>();
	const landing = new Set<Promise<unknown>>();
	let stopped = false;

	const schedule = (id: number, delayMs: number) => {
		if (stopped) return;
		const timer = setTimeout(() => {
			timers.delete(timer);
			track(land(id));
		}, Math.max(0, delayMs));
		timer.unref?.();
		timers.add(timer);
	};
	const track = (work: Promise<unknown>) => {
		const done = work.catch((error: unknown) => options.log?.('demo NexHealth: a write did not land', error)).finally(() => landing.delete(done));
		landing.add(done);
		return done;
	};

	/** Lands write `id` if it is still queued and the write side is green; true when it landed (or failed as injected). */
	async function land(id: number): Promise<boolean> {
		if (stopped || !options.writeGreen()) return false;
		return sql.transaction(async (tx) => {
			const write = (await tx.query<{ location_id: number; body: QueuedPayment; status: string }>(`SELECT location_id, body, status FROM nexhealth.write_request WHERE id = $1 FOR UPDATE`, [id]))[0];
			if (!write || write.status !== 'queued') return false;
			if (write.body.failInsertion) {
				await tx.query(`UPDATE nexhealth.write_request SET status = 'failed', landed_at = $2, failure = $3 WHERE id = $1`, [id, clock.now(), 'The PMS refused the payment (a fault injected by the demo).']);
				return true;
			}
			await landPayment(tx, emr, write.location_id, write.body, clock.now());
			await tx.query(`UPDATE nexhealth.write_request SET status = 'landed', landed_at = $2 WHERE id = $1`, [id, clock.now()]);
			return true;
		});
	}

	const queued = async () => (await sql.query<{ id: number }>(`SELECT id FROM nexhealth.write_request WHERE status = 'queued' ORDER BY id`)).map((r) => r.id);

	return {
		/** Queues an accepted payment and starts its timer. */
		async accept(locationId: number, payment: QueuedPayment): Promise<number> {
			const rows = await sql.query<{ id: number }>(`INSERT INTO nexhealth.write_request (kind, location_id, body, status, accepted_at) VALUES ('payment', $1, $2, 'queued', $3) RETURNING id`, [locationId, JSON.stringify(payment), clock.now()]);
			const id = rows[0]?.id;
			if (id === undefined) throw new Error('write_request insert returned no id');
			schedule(id, options.syncSeconds() * 1000);
			return id;
		},
		/** Starts the timers of every queued write (at start, and when the write side turns green). */
		async resume(): Promise<void> {
			for (const id of await queued()) schedule(id, options.syncSeconds() * 1000);
		},
		/** Lands every queued write now (a test or a demo that will not wait); how many landed. */
		async syncNow(): Promise<number> {
			let count = 0;
			for (const id of await queued()) if (await track(land(id))) count++;
			return count;
		},
		/** The writes and what became of them, newest first (GET /_demo/writes). */
		list: (limit = 100) => sql.query(`SELECT id, kind, location_id, body, status, accepted_at, landed_at, failure FROM nexhealth.write_request ORDER BY id DESC LIMIT $1`, [limit]),
		/** Stops the timers and waits for a landing under way, so that the database can be closed after. */
		async stop(): Promise<void> {
			stopped = true;
			for (const timer of timers) clearTimeout(timer);
			timers.clear();
			await Promise.all(landing);
		}
	};
}
export type WriteQueue = ReturnType<typeof createWriteQueue>;
