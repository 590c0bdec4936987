import type { PaymentIntent } from '$lib/domain/payment/paymentIntent';
import { lockJournal } from '../journal/lockJournal';
import { recordPostingPlan } from '../journal/recordPostingPlan';
import { mustTransition } from '../journal/transition';
import type { PracticeMirror } from '../practice/createPracticeMirror';
import { readSettings } from '../settings/readSettings';
import type { Sql } from '../store/Sql';
import { choosePaymentType } from './choosePaymentType';

/**
 * "Write Payment to Ledger" off (issue 6): a cleared payment stops at `recorded`, to be keyed into the
 * PMS by hand from the "Post manually" page. Keeps the settings version and the payment type staff
 * should key it with. False (nothing done) when write-back is on.
 */
export async function setAsideForManualPosting(deps: { sql: Sql; mirror: PracticeMirror; now: () => Date }, payment: { id: string; intent: PaymentIntent }): Promise<boolean> {
	const { settings, version } = await readSettings(deps.sql);
	if (settings.writeBack) return false;
	const practice = await deps.mirror.meta();
	const patient = await deps.mirror.findPatient(payment.intent.patientId);
	const clinicId = practice?.meta.preferences.clinicsEnabled ? (payment.intent.clinicId ?? patient?.clinicId ?? null) : null;
	const type = practice ? choosePaymentType(settings, payment.intent.method.kind, clinicId, practice.meta.paymentTypes) : null;
	await deps.sql.transaction(async (tx) => {
		await lockJournal(tx);
		await recordPostingPlan(tx, payment.id, { settingsVersion: version, paymentTypeId: type?.ok ? type.id : null });
		await mustTransition(tx, { paymentId: payment.id, event: { kind: 'write_back_off' }, at: deps.now(), cause: `write-back is off (settings version ${version}): to be keyed into the PMS by hand`, actor: 'bridge' });
	});
	return true;
}
