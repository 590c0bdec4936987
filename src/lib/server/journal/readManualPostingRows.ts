import type { Sql } from '../store/Sql';

/** A payment to key into the PMS by hand, or keyed already, as the journal holds it. */
export type ManualPostingRow = { id: string; status: 'recorded' | 'posted_manually'; intent: unknown; pmsPaymentType: string | null; settingsVersion: number | null; recordedAt: Date | null; postedAt: Date | null; postedBy: string | null };

type Row = { id: string; status: 'recorded' | 'posted_manually'; intent: unknown; pms_payment_type: string | null; settings_version: number | null; recorded_at: Date | null; posted_at: Date | null; posted_by: string | null };

const SELECT = `SELECT p.id, p.status, p.intent, p.pms_payment_type, p.settings_version,
	(SELECT min(at) FROM payment_event e WHERE e.payment_id = p.id AND e.status = 'recorded') AS recorded_at,
	(SELECT max(at) FROM payment_event e WHERE e.payment_id = p.id AND e.status = 'posted_manually') AS posted_at,
	(SELECT actor FROM payment_event e WHERE e.payment_id = p.id AND e.status = 'posted_manually' ORDER BY seq DESC LIMIT 1) AS posted_by
	FROM payment p`;

/** Payments waiting to be keyed by hand (write-back off), oldest first; and the last `recentLimit` keyed by hand after waiting so, newest first. */
export async function readManualPostingRows(sql: Pick<Sql, 'query'>, recentLimit: number): Promise<{ waiting: ManualPostingRow[]; recentlyPosted: ManualPostingRow[] }> {
	const waiting = await sql.query<Row>(`${SELECT} WHERE p.status = 'recorded' ORDER BY p.received_at, p.id`);
	const posted = await sql.query<Row>(
		`SELECT * FROM (${SELECT} WHERE p.status = 'posted_manually' AND EXISTS (SELECT 1 FROM payment_event e WHERE e.payment_id = p.id AND e.status = 'recorded')) t ORDER BY posted_at DESC LIMIT $1`,
		[recentLimit]
	);
	return { waiting: waiting.map(toRow), recentlyPosted: posted.map(toRow) };
}

function toRow(row: Row): ManualPostingRow {
	return { id: row.id, status: row.status, intent: row.intent, pmsPaymentType: row.pms_payment_type, settingsVersion: row.settings_version, recordedAt: row.recorded_at, postedAt: row.posted_at, postedBy: row.posted_by };
}
