import { openPglite } from '$lib/server/store/openPglite';
import { migrate } from '$lib/server/store/migrate';
import { bridgeMigrations } from '$lib/server/store/bridgeMigrations';
import type { Sql } from '$lib/server/store/Sql';
import type { ClearingDeps } from '$lib/server/clearing/clearingDeps';
import type { LogLevel } from '$lib/server/log/createLogger';
import { paymentId } from '../support/paymentIds';
import { practiceDay } from '../../support/practiceDay';

export const DEVICE = { id: '00000000-0000-4000-8000-000000000001', name: 'Desk' };

export type Method = { kind: 'cash' } | { kind: 'check'; checkNumber: string } | { kind: 'card'; terminalRef: string; brand: string; last4: string } | { kind: 'ach'; reference: string };
export const card = (terminalRef: string): Method => ({ kind: 'card', terminalRef, brand: 'Visa', last4: '4242' });
export const ach = (reference: string): Method => ({ kind: 'ach', reference });

/** An in-memory bridge store with one paired device, a clock the test moves, and clearing deps that record what they were told. */
export async function openClearingStore(migrations = bridgeMigrations) {
	const sql: Sql = await openPglite(undefined);
	await migrate(sql, migrations);
	await sql.query(`INSERT INTO device (id, name, token_hash, paired_at) VALUES ($1, $2, 'h', now())`, [DEVICE.id, DEVICE.name]);
	let clock = Date.parse('2026-11-23T15:00:00Z');
	const logs: { level: LogLevel; message: string }[] = [];
	let woken = 0;
	const now = () => new Date(clock);
	const deps: ClearingDeps = { sql, now, log: (level, message) => logs.push({ level, message }), onSettled: () => (woken += 1) };

	/** Journals a payment straight into the store, in `status`, as the pipeline would have left it. */
	async function insertPayment(method: Method, amount: number, status = method.kind === 'card' || method.kind === 'ach' ? 'awaiting_clearing' : 'cleared', attentionFrom: string | null = null) {
		const id = paymentId();
		const intent = { id, patientId: '1', amount, method, payDate: practiceDay(0, now()), takenAt: now().toISOString() };
		await sql.query(
			`INSERT INTO payment (id, intent, content_key, patient_id, family_id, method_kind, amount, status, attention_from, device_id, received_at, updated_at)
			 VALUES ($1, $2, $3, '1', '1', $4, $5, $6, $7, $8, $9, $9)`,
			[id, JSON.stringify(intent), `key ${id}`, method.kind, amount, status, attentionFrom, DEVICE.id, now()]
		);
		return id;
	}

	const payment = async (id: string) =>
		(await sql.query<{ status: string; reason: string | null; attention_from: string | null }>(`SELECT status, reason, attention_from FROM payment WHERE id = $1`, [id]))[0]!;
	const events = (id: string) => sql.query<{ status: string; cause: string; actor: string; reason: string | null }>(`SELECT status, cause, actor, reason FROM payment_event WHERE payment_id = $1 ORDER BY seq`, [id]);
	const settlements = (id: string) =>
		sql.query<{ kind: string; source: string; gross: number; fee: number | null; occurred_at: string; reference: string }>(`SELECT kind, source, gross, fee, occurred_at, reference FROM settlement WHERE payment_id = $1 ORDER BY kind`, [id]);

	return {
		sql,
		deps,
		logs,
		woken: () => woken,
		now,
		advance: (ms: number) => (clock += ms),
		insertPayment,
		payment,
		events,
		settlements
	};
}
