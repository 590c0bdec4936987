import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { paymentContentKey } from '$lib/domain/payment/paymentContentKey';
import { paymentIntentSchema } from '$lib/domain/payment/paymentIntent';
import { receivePayments } from '$lib/server/payments/receivePayments';
import { createPracticeMirror } from '$lib/server/practice/createPracticeMirror';
import { migrate } from '$lib/server/store/migrate';
import { bridgeMigrations } from '$lib/server/store/bridgeMigrations';
import { openPglite } from '$lib/server/store/openPglite';
import type { Sql } from '$lib/server/store/Sql';
import { createFakeConnector } from '../pipeline/fakeConnector';
import { paymentId } from '../support/paymentIds';

/**
 * Payments journaled before the text rule (issue 13) kept their text as sent — a trailing space, an
 * accent written as two characters — and their content key with it. Sent again, they are the same
 * payment: `duplicate`, not `conflict`.
 */
let sql: Sql;
const device = { id: '00000000-0000-4000-8000-000000000001', name: 'Desk' };
const now = () => new Date('2026-11-23T15:00:00Z');

beforeEach(async () => {
	sql = await openPglite(undefined);
	await migrate(sql, bridgeMigrations);
	await sql.query(`INSERT INTO device (id, name, token_hash, paired_at) VALUES ($1, 'Desk', 'h', now())`, [device.id]);
});
afterEach(async () => {
	await sql.close();
});

/** The content key as the bridge computed it before the rule: the canonical JSON of the text as sent. */
function keyBeforeTheRule(intent: Record<string, unknown>): string {
	const canonical = (value: unknown): string => {
		if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
		if (value !== null && typeof value === 'object') {
			const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
			return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
		}
		return JSON.stringify(value);
	};
	const i = intent as { id: string; patientId: string; amount: number; method: unknown; payDate: string; takenBy?: string; note?: string };
	return canonical({ id: i.id, patientId: i.patientId, amount: i.amount, method: i.method, payDate: i.payDate, takenBy: i.takenBy ?? null, clinicId: null, note: i.note ?? null, allocation: { preferPatient: false, payFirst: [] } });
}

async function journalAsBefore(intent: Record<string, unknown>): Promise<void> {
	await sql.query(
		`INSERT INTO payment (id, intent, content_key, patient_id, family_id, method_kind, amount, status, device_id, received_at, updated_at) VALUES ($1, $2, $3, '1', '1', 'check', 2500, 'verified', $4, $5, $5)`,
		[intent.id, JSON.stringify(intent), keyBeforeTheRule(intent), device.id, now()]
	);
}

async function send(intent: Record<string, unknown>) {
	const mirror = createPracticeMirror({ sql, connector: createFakeConnector().connector, now, log: () => undefined });
	await mirror.refresh();
	return (await receivePayments({ sql, mirror, now, today: () => '2026-11-23' }, device, [intent]))[0];
}

describe('a payment journaled before the text rule, sent again', () => {
	const before = () => ({ id: paymentId(), patientId: '1', amount: 2500, method: { kind: 'check', checkNumber: ' 1042 ' }, payDate: '2026-11-23', takenAt: '2026-11-23T15:00:00.000Z', takenBy: 'Maria ', note: 'Cafe\u0301 visit\r\nsecond line ' });

	it('is a duplicate, though the rule now stores its text trimmed and normalised', async () => {
		const intent = before();
		await journalAsBefore(intent);
		// The key journaled then is not the key of the payment as the rule reads it now.
		expect(paymentContentKey(paymentIntentSchema.parse(intent))).not.toBe(keyBeforeTheRule(intent));
		expect(await send(intent)).toEqual({ id: intent.id, outcome: 'duplicate', status: 'verified' });
	});

	it('is a conflict when its content really differs', async () => {
		const intent = before();
		await journalAsBefore(intent);
		expect(await send({ ...intent, amount: 2600 })).toMatchObject({ id: intent.id, outcome: 'conflict' });
		expect(await send({ ...intent, note: 'another visit' })).toMatchObject({ id: intent.id, outcome: 'conflict' });
	});
});
