import type { ManualPosting, ManualPostingsResponse } from '$lib/domain/api/manualPostings';
import { storedPaymentIntentSchema } from '$lib/domain/payment/paymentIntent';
import { paymentDescription, paymentNote } from '$lib/domain/payment/paymentDescription';
import type { PracticeMirror } from '../practice/createPracticeMirror';
import type { Sql } from '../store/Sql';

type Row = { id: string; status: 'recorded' | 'posted_manually'; intent: unknown; pms_payment_type: string | null; settings_version: number | null; recorded_at: Date | null; posted_at: Date | null; posted_by: string | null };

/** The "Post manually" list (issue 6): payments waiting to be keyed by hand, and the last ones keyed. */
export async function readManualPostings(sql: Sql, mirror: PracticeMirror): Promise<ManualPostingsResponse> {
	const select = `SELECT p.id, p.status, p.intent, p.pms_payment_type, p.settings_version,
		(SELECT min(at) FROM payment_event e WHERE e.payment_id = p.id AND e.status = 'recorded') AS recorded_at,
		(SELECT max(at) FROM payment_event e WHERE e.payment_id = p.id AND e.status = 'posted_manually') AS posted_at,
		(SELECT actor FROM payment_event e WHERE e.payment_id = p.id AND e.status = 'posted_manually' ORDER BY seq DESC LIMIT 1) AS posted_by
		FROM payment p`;
	const waiting = await sql.query<Row>(`${select} WHERE p.status = 'recorded' ORDER BY p.received_at, p.id`);
	const posted = await sql.query<Row>(`SELECT * FROM (${select} WHERE p.status = 'posted_manually' AND EXISTS (SELECT 1 FROM payment_event e WHERE e.payment_id = p.id AND e.status = 'recorded')) t ORDER BY posted_at DESC LIMIT 20`);
	const practice = await mirror.meta();
	const types = new Map((practice?.meta.paymentTypes ?? []).map((t) => [t.id, t]));
	const clinics = new Map((practice?.meta.clinics ?? []).map((c) => [c.id, c]));
	const toPosting = async (row: Row): Promise<ManualPosting> => {
		const intent = storedPaymentIntentSchema.parse(row.intent);
		const patient = await mirror.findPatient(intent.patientId);
		const clinicId = intent.clinicId ?? patient?.clinicId ?? null;
		return {
			id: row.id,
			status: row.status,
			payment: intent,
			patientName: patient ? `${patient.firstName} ${patient.lastName}` : null,
			clinic: clinicId && practice?.meta.preferences.clinicsEnabled ? (clinics.get(clinicId) ?? { id: clinicId, name: `Clinic ${clinicId}` }) : null,
			paymentType: row.pms_payment_type ? (types.get(row.pms_payment_type) ?? { id: row.pms_payment_type, name: `Type ${row.pms_payment_type}` }) : null,
			pmsNote: paymentNote(intent.id, paymentDescription(intent)),
			suggestedSplits: intent.preview ?? [],
			recordedAt: (row.recorded_at ?? new Date(0)).toISOString(),
			settingsVersion: row.settings_version,
			postedBy: row.posted_by,
			postedAt: row.posted_at?.toISOString() ?? null
		};
	};
	return { waiting: await Promise.all(waiting.map(toPosting)), recentlyPosted: await Promise.all(posted.map(toPosting)) };
}
