import type { ManualPosting, ManualPostingsResponse } from '$lib/domain/api/manualPostings';
import { storedPaymentIntentSchema } from '$lib/domain/payment/paymentIntent';
import { paymentDescription, paymentNote } from '$lib/domain/payment/paymentDescription';
import { readManualPostingRows, type ManualPostingRow } from '../journal/readManualPostingRows';
import type { PracticeMirror } from '../practice/createPracticeMirror';
import type { Sql } from '../store/Sql';

/** The "Post manually" list (issue 6): payments waiting to be keyed by hand, and the last ones keyed. */
export async function readManualPostings(sql: Sql, mirror: PracticeMirror): Promise<ManualPostingsResponse> {
	const { waiting, recentlyPosted: posted } = await readManualPostingRows(sql, 20);
	const practice = await mirror.meta();
	const types = new Map((practice?.meta.paymentTypes ?? []).map((t) => [t.id, t]));
	const clinics = new Map((practice?.meta.clinics ?? []).map((c) => [c.id, c]));
	const toPosting = async (row: ManualPostingRow): Promise<ManualPosting> => {
		const intent = storedPaymentIntentSchema.parse(row.intent);
		const patient = await mirror.findPatient(intent.patientId);
		const clinicId = intent.clinicId ?? patient?.clinicId ?? null;
		return {
			id: row.id,
			status: row.status,
			payment: intent,
			patientName: patient ? `${patient.firstName} ${patient.lastName}` : null,
			clinic: clinicId && practice?.meta.preferences.clinicsEnabled ? (clinics.get(clinicId) ?? { id: clinicId, name: `Clinic ${clinicId}` }) : null,
			paymentType: row.pmsPaymentType ? (types.get(row.pmsPaymentType) ?? { id: row.pmsPaymentType, name: `Type ${row.pmsPaymentType}` }) : null,
			pmsNote: paymentNote(intent.id, paymentDescription(intent)),
			suggestedSplits: intent.preview ?? [],
			recordedAt: (row.recordedAt ?? new Date(0)).toISOString(),
			settingsVersion: row.settingsVersion,
			postedBy: row.postedBy,
			postedAt: row.postedAt?.toISOString() ?? null
		};
	};
	return { waiting: await Promise.all(waiting.map(toPosting)), recentlyPosted: await Promise.all(posted.map(toPosting)) };
}
