import { allocatePayment } from '$lib/domain/allocation/allocatePayment';
import type { AllocationSplit } from '$lib/domain/allocation/allocationSplit';
import type { PaymentIntent } from '$lib/domain/payment/paymentIntent';
import { allocationOptionsFor } from '$lib/domain/settings/allocationOptionsFor';
import type { PmsConnector, PmsPaymentRequest } from '../connectors/PmsConnector';
import type { PracticeMirror } from '../practice/createPracticeMirror';
import { readSettings } from '../settings/readSettings';
import type { Sql } from '../store/Sql';
import { choosePaymentType } from './choosePaymentType';
import { paymentDescription } from '$lib/domain/payment/paymentDescription';
import { paysplitReference } from '$lib/domain/payment/paysplitReference';
import { localDateTime } from '$lib/domain/dates/localDateTime';
import { patientNoteText } from '$lib/domain/payment/patientNoteText';
import type { FollowUpPlan } from './followUps';

export type PostingPlan =
	| { ok: true; request: PmsPaymentRequest; allocation: AllocationSplit[]; settingsVersion: number; followUps: FollowUpPlan }
	| { ok: false; kind: 'attention'; cause: string; reason: string }
	| { ok: false; kind: 'retry'; message: string };

/**
 * What to write for one payment, decided just before writing it (DESIGN §3, §4): the settings in
 * force, the PMS payment type, and — with the same engine the devices ran for their preview — the
 * allocation against the family's ledger as the PMS holds it now. The PMS splits the payment itself;
 * the bridge's allocation is kept beside it, so the two can be compared after read-back.
 */
export async function planPosting(deps: { sql: Sql; mirror: PracticeMirror; connector: PmsConnector; timeZone?: string }, intent: PaymentIntent, familyId: string): Promise<PostingPlan> {
	const { settings, version } = await readSettings(deps.sql);
	const fresh = await deps.mirror.refreshFamily(familyId);
	if (!fresh.ok) return { ok: false, kind: 'retry', message: `reading the ledger before posting: ${fresh.failure.message}` };
	const [practice, family, patient] = await Promise.all([deps.mirror.meta(), deps.mirror.family(familyId), deps.mirror.findPatient(intent.patientId)]);
	if (!practice || !family || !patient) {
		return { ok: false, kind: 'attention', cause: 'patient no longer in the PMS', reason: `Patient ${intent.patientId} is no longer in the practice management system. Check the patient in the PMS, then retry or post by hand.` };
	}
	const mode = settings.allocationMode;
	if (!deps.connector.capabilities.writableModes.includes(mode)) {
		return { ok: false, kind: 'attention', cause: 'allocation mode not writable', reason: `The settings ask for "${mode}", which ${deps.connector.name} cannot write. Change the allocation setting, then retry.` };
	}
	const clinicsEnabled = practice.meta.preferences.clinicsEnabled;
	// Open Dental's API puts a payment in the patient's clinic unless told otherwise.
	const clinicId = clinicsEnabled ? (intent.clinicId ?? patient.clinicId ?? null) : null;
	const paymentType = choosePaymentType(settings, intent.method.kind, clinicId, practice.meta.paymentTypes);
	if (!paymentType.ok) return { ok: false, kind: 'attention', cause: 'no payment type', reason: paymentType.reason };
	const paymentTypeId = paymentType.id;
	const allocated = allocatePayment({
		payment: { patientId: intent.patientId, amount: intent.amount, payDate: intent.payDate, clinicId },
		mode,
		options: allocationOptionsFor(settings, practice.meta.preferences, intent.allocation ?? {}, { payDate: intent.payDate, ledger: family.ledger }),
		ledger: family.ledger
	});
	if (!allocated.ok) {
		return { ok: false, kind: 'attention', cause: 'allocation failed', reason: `Paysplit could not allocate this payment against the ledger: ${allocated.error.message}` };
	}
	const request: PmsPaymentRequest = {
		paymentId: intent.id,
		patientId: intent.patientId,
		amount: intent.amount,
		payDate: intent.payDate,
		paymentTypeId,
		clinicId: intent.clinicId ?? null,
		...(intent.method.kind === 'check' ? { checkNumber: intent.method.checkNumber } : {}),
		description: paymentDescription(intent),
		mode: mode === 'post_only' ? 'post_only' : 'allocate',
		...(intent.allocation?.preferPatient ? { preferPatient: true } : {}),
		...(intent.allocation?.payFirst?.length ? { payFirst: intent.allocation.payFirst } : {}),
		splits: allocated.splits
	};
	const followUps: FollowUpPlan = {
		writebackStatusId: settings.writebackStatusId && deps.connector.capabilities.writebackStatuses.some((st) => st.id === settings.writebackStatusId) ? settings.writebackStatusId : null,
		patientNote: settings.patientNotes && deps.connector.capabilities.patientNotes ? noteFor(intent, localDateTime(new Date(intent.takenAt), deps.timeZone ?? 'UTC')) : null
	};
	return { ok: true, request, allocation: allocated.splits, settingsVersion: version, followUps };
}

function noteFor(intent: PaymentIntent, at: string) {
	return { text: patientNoteText(intent, at, paysplitReference(intent.id)), at };
}
