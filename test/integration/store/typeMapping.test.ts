import { describe, expect, it } from 'vitest';
import { bridgeMigrations } from '$lib/server/store/bridgeMigrations';
import { migrate } from '$lib/server/store/migrate';
import type { Sql } from '$lib/server/store/Sql';
import { useSqlBackends } from '../../support/sqlBackends';

const backends = useSqlBackends();

/** Opens both stores and runs `read` on each: what the bridge's code sees must not depend on the store. */
async function onBoth<T>(read: (sql: Sql) => Promise<T>): Promise<{ pglite: T; postgres: T }> {
	const [pglite, postgres] = await Promise.all([backends.pglite.open(), backends.postgres.open()]);
	return { pglite: await read(pglite), postgres: await read(postgres) };
}

const EVERY_TYPE = `CREATE TABLE every_type (
	seq bigserial PRIMARY KEY,
	day date,
	amount numeric(12, 2),
	cents bigint,
	count integer,
	small smallint,
	ratio double precision,
	at timestamptz,
	local_at timestamp,
	doc jsonb,
	plain_json json,
	flag boolean,
	id uuid,
	label text,
	span interval,
	cents_list bigint[],
	days date[],
	labels text[]
)`;

describe('the same values from PGlite and from a PostgreSQL server', () => {
	it('reads each column type the bridge uses as the same JavaScript value', async () => {
		const row = await onBoth(async (sql) => {
			await sql.exec(EVERY_TYPE);
			await sql.query(
				`INSERT INTO every_type (day, amount, cents, count, small, ratio, at, local_at, doc, plain_json, flag, id, label, span, cents_list, days, labels)
				 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
				[
					'2026-11-23',
					'1234.50',
					9_007_199_254_740_991,
					42,
					7,
					0.25,
					new Date('2026-11-23T15:04:05.678Z'),
					'2026-11-23 15:04:05.678',
					JSON.stringify({ patientId: '2', amount: 4250, methods: [{ kind: 'cash' }], note: null }),
					JSON.stringify([1, 'two']),
					true,
					'01a207cc-5eed-776f-94b3-000000000001',
					'Maria’s desk',
					'1 day 02:03:04',
					[1, 2, 9_007_199_254_740_991],
					['2026-11-23', '2026-12-01'],
					['a', 'b c']
				]
			);
			await sql.query(`INSERT INTO every_type DEFAULT VALUES`);
			return sql.query(`SELECT * FROM every_type ORDER BY seq`);
		});
		expect(row.postgres).toEqual(row.pglite);
		expect(row.postgres[0]).toEqual({
			seq: 1,
			day: '2026-11-23',
			amount: '1234.50',
			cents: 9_007_199_254_740_991,
			count: 42,
			small: 7,
			ratio: 0.25,
			at: new Date('2026-11-23T15:04:05.678Z'),
			// A timestamp without time zone is read in this process's zone by both (new Date('… 15:04:05')).
			local_at: new Date('2026-11-23T15:04:05.678'),
			doc: { patientId: '2', amount: 4250, methods: [{ kind: 'cash' }], note: null },
			plain_json: [1, 'two'],
			flag: true,
			id: '01a207cc-5eed-776f-94b3-000000000001',
			label: 'Maria’s desk',
			span: '1 day 02:03:04',
			cents_list: [1, 2, 9_007_199_254_740_991],
			days: ['2026-11-23', '2026-12-01'],
			labels: ['a', 'b c']
		});
		// A row of NULLs reads as nulls on both, not as empty strings, zeros or epoch dates.
		expect(row.postgres[1]).toEqual({ ...Object.fromEntries(Object.keys(row.postgres[0]!).map((k) => [k, null])), seq: 2 });
	});

	it('reads what the bridge computes — counts, sums, sequences, dates from functions — the same way', async () => {
		const row = await onBoth(async (sql) => {
			await sql.exec(`CREATE TABLE t (amount bigint); INSERT INTO t VALUES (4250), (750); CREATE SEQUENCE version_seq`);
			return sql.query(
				`SELECT count(*) AS n, sum(amount) AS total, max(amount) AS largest, nextval('version_seq') AS version,
				        ('2026-11-23'::date + 7) AS week_later, date_trunc('day', '2026-11-23T15:04:05Z'::timestamptz AT TIME ZONE 'UTC') AS day_start,
				        '2026-11-23T15:04:05Z'::timestamptz AS at, '2026-11-23T23:30:00-05:00'::timestamptz::date AS utc_day, current_setting('TimeZone') AS zone, 'infinity'::timestamptz AS never, '-infinity'::date AS always
				 FROM t`
			);
		});
		expect(row.postgres).toEqual(row.pglite);
		// sum(bigint) is numeric in PostgreSQL: text, like every numeric, on both.
		expect(row.postgres).toEqual([
			{ n: 2, total: '5000', largest: 4250, version: 1, week_later: '2026-11-30', day_start: new Date('2026-11-23T00:00:00'), at: new Date('2026-11-23T15:04:05Z'), utc_day: '2026-11-24', zone: 'UTC', never: Infinity, always: '-infinity' }
		]);
	});

	it('reads the bridge’s own tables the same way (payment, its events, the PMS mirror)', async () => {
		const rows = await onBoth(async (sql) => {
			await migrate(sql, bridgeMigrations);
			const at = new Date('2026-11-23T15:04:05.000Z');
			const device = '01a207cc-5eed-776f-94b3-0000000000d1';
			const payment = '01a207cc-5eed-776f-94b3-000000000001';
			await sql.query(`INSERT INTO device (id, name, token_hash, paired_at) VALUES ($1, 'Front desk', 'h', $2)`, [device, at]);
			await sql.query(
				`INSERT INTO payment (id, intent, content_key, patient_id, family_id, method_kind, amount, status, device_id, received_at, updated_at)
				 VALUES ($1, $2, 'k', '2', '1', 'cash', $3, 'queued', $4, $5, $5)`,
				[payment, JSON.stringify({ id: payment, amount: 4250 }), 4250, device, at]
			);
			await sql.query(`INSERT INTO payment_event (payment_id, status, at, cause, actor) VALUES ($1, 'queued', $2, 'received', 'device')`, [payment, at]);
			await sql.query(`INSERT INTO payment_event (payment_id, status, at, cause, actor) VALUES ($1, 'accepted', $2, 'checked', 'bridge')`, [payment, at]);
			await sql.query(`INSERT INTO mirror_patient (id, guarantor_id, data, hash, version) VALUES ('2', '1', $1, 'h', nextval('mirror_version'))`, [JSON.stringify({ id: '2', birthdate: '1990-04-01' })]);
			return {
				payment: await sql.query(`SELECT id, intent, amount, attempts, received_at, next_attempt_at FROM payment`),
				events: await sql.query(`SELECT seq, status FROM payment_event ORDER BY seq`),
				mirror: await sql.query(`SELECT data, version, removed, (SELECT max(version) FROM mirror_patient) AS latest FROM mirror_patient`)
			};
		});
		expect(rows.postgres).toEqual(rows.pglite);
		expect(rows.postgres).toEqual({
			payment: [{ id: '01a207cc-5eed-776f-94b3-000000000001', intent: { id: '01a207cc-5eed-776f-94b3-000000000001', amount: 4250 }, amount: 4250, attempts: 0, received_at: new Date('2026-11-23T15:04:05.000Z'), next_attempt_at: null }],
			events: [
				{ seq: 1, status: 'queued' },
				{ seq: 2, status: 'accepted' }
			],
			mirror: [{ data: { id: '2', birthdate: '1990-04-01' }, version: 1, removed: false, latest: 1 }]
		});
	});

	it('refuses, on a PostgreSQL server, a bigint a JavaScript number cannot hold exactly, rather than round it', async () => {
		const sql = await backends.postgres.open();
		await expect(sql.query(`SELECT 9007199254740993::bigint AS too_big`)).rejects.toThrow(/bigint 9007199254740993 is beyond JavaScript's safe integers/);
		// The connection is still good for the next query.
		expect(await sql.query(`SELECT 1::bigint AS one`)).toEqual([{ one: 1 }]);
	});
});
