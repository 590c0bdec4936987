import { issuesOf } from '$lib/domain/api/errorBody';
import { journalPayment } from '../journal/journalPayment';
import { readJournaled } from '../journal/readJournaled';
import type { PaymentResult } from '$lib/domain/api/paymentsBatch';
import { paymentContentKey } from '$lib/domain/payment/paymentContentKey';
import { payDateProblem } from '$lib/domain/payment/payDateProblem';
import type { PayDateWindow } from '$lib/domain/settings/practiceSettings';
import { readSettings } from '../settings/readSettings';
import { paymentIntentSchema, storedPaymentIntentSchema, type PaymentIntent } from '$lib/domain/payment/paymentIntent';
import type { Device } from '../auth/authenticateDevice';
import type { PracticeMirror } from '../practice/createPracticeMirror';
import type { Sql } from '../store/Sql';

/** The PMS could not be read, so the bridge cannot tell whether a payment is valid: answer 503. */
export class PmsUnavailableError extends Error {
	override name = 'PmsUnavailableError';
}

export type ReceiveDeps = {
	sql: Sql;
	mirror: PracticeMirror;
	now: () => Date;
	/** The practice's calendar date now (PRACTICE_TZ): payment dates are accepted around it (settings' `payDateWindow`). */
	today: () => string;
};

/** How old the PMS copy may be before an unknown patient id makes the bridge read the PMS again. */
const UNKNOWN_PATIENT_REFRESH_MS = 5_000;

/**
 * Journals a batch of payments from a device (DESIGN §3, §6): one result per item, in order. Each
 * item is parsed, compared with what the journal already holds under its id (same content →
 * `duplicate` with the current status; other content → `conflict`), checked against the PMS copy
 * (an unknown patient, clinic or procedure → `rejected`), and inserted with its first journal event,
 * in one transaction per item. A refused item writes nothing.
 */
export async function receivePayments(deps: ReceiveDeps, device: Device, items: readonly unknown[]): Promise<PaymentResult[]> {
	const results: PaymentResult[] = [];
	// The payment dates the practice accepts: read once per batch (a settings change applies to the next one).
	const window = (await readSettings(deps.sql)).settings.payDateWindow;
	for (const item of items) results.push(await receiveOne(deps, device, item, window));
	return results;
}

async function receiveOne(deps: ReceiveDeps, device: Device, item: unknown, window: PayDateWindow): Promise<PaymentResult> {
	const parsed = paymentIntentSchema.safeParse(item);
	if (!parsed.success) {
		const rawId = item && typeof item === 'object' && 'id' in item && typeof item.id === 'string' ? item.id : null;
		const issues = issuesOf(parsed.error);
		return {
			id: rawId,
			outcome: 'rejected',
			error: { code: 'invalid', message: `The payment has ${issues.length === 1 ? 'an invalid field' : `${issues.length} invalid fields`}: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`, issues }
		};
	}
	const intent = parsed.data;
	const existing = await compareWithJournal(deps.sql, intent);
	if (existing) return existing;

	const checked = await checkAgainstPractice(deps, intent, window);
	if (!checked.ok) return checked.result;

	return deps.sql.transaction(async (tx) => {
		const journaled = await journalPayment(tx, { intent, contentKey: paymentContentKey(intent), familyId: checked.familyId, deviceId: device.id, at: deps.now(), cause: 'received from the device', actor: actorOf(device, intent) });
		if (journaled) return { id: intent.id, outcome: 'accepted', status: 'accepted' };
		// Another request journaled this id between our read and our insert: answer as a repeat.
		return (await compareWithJournal(tx, intent)) ?? { id: intent.id, outcome: 'conflict', error: { code: 'conflict', message: 'A payment with this id is being recorded by another request.' } };
	});
}

async function compareWithJournal(sql: Pick<Sql, 'query'>, intent: PaymentIntent): Promise<PaymentResult | null> {
	const row = await readJournaled(sql, intent.id);
	if (!row) return null;
	const key = paymentContentKey(intent);
	if (row.contentKey === key || sameAsJournaled(row.intent, key)) return { id: intent.id, outcome: 'duplicate', status: row.status };
	return {
		id: intent.id,
		outcome: 'conflict',
		error: { code: 'conflict', message: `Payment ${intent.id} was already received with different details; it was not changed. Check the payment and take it again with a new id if it is really another payment.` }
	};
}

/**
 * A payment journaled before the text rule kept its text as sent (and its content key with it): its
 * key is computed again from the journaled payment, normalised as new payments are, before calling
 * a repeat of it a conflict.
 */
function sameAsJournaled(journaled: unknown, key: string): boolean {
	const stored = storedPaymentIntentSchema.safeParse(journaled);
	return stored.success && paymentContentKey(stored.data) === key;
}

type Checked = { ok: true; familyId: string } | { ok: false; result: PaymentResult };

async function checkAgainstPractice(deps: ReceiveDeps, intent: PaymentIntent, window: PayDateWindow): Promise<Checked> {
	let patient = await deps.mirror.findPatient(intent.patientId);
	if (!patient) {
		// The device may know a patient added to the PMS since the bridge last read it. If the PMS
		// cannot be read, "unknown" is not known: the whole request waits (503) rather than refusing
		// a payment that may be fine.
		const fresh = await deps.mirror.ensureFresh(UNKNOWN_PATIENT_REFRESH_MS);
		if (!fresh.ok) throw new PmsUnavailableError(fresh.failure.message);
		patient = await deps.mirror.findPatient(intent.patientId);
	}
	if (!patient) {
		return {
			ok: false,
			result: {
				id: intent.id,
				outcome: 'rejected',
				error: { code: 'unknown_patient', message: `Patient ${intent.patientId} is not in the practice management system.`, issues: [{ path: 'patientId', message: `no patient "${intent.patientId}" in the PMS` }] }
			}
		};
	}
	const issues: { path: string; message: string }[] = [];
	const datedWrong = payDateProblem(intent.payDate, deps.today(), window);
	if (datedWrong) issues.push({ path: 'payDate', message: datedWrong });
	const practice = await deps.mirror.meta();
	if (intent.clinicId !== undefined && practice && !practice.meta.clinics.some((c) => c.id === intent.clinicId)) {
		issues.push({ path: 'clinicId', message: `no clinic "${intent.clinicId}" in the PMS (known: ${practice.meta.clinics.map((c) => c.id).join(', ') || 'none'})` });
	}
	const payFirst = intent.allocation?.payFirst ?? [];
	if (payFirst.length > 0) {
		const family = await deps.mirror.family(patient.guarantorId);
		const owed = new Set(family?.ledger.procedures.filter((p) => p.status === 'complete').map((p) => p.id) ?? []);
		payFirst.forEach((id, index) => {
			if (!owed.has(id)) issues.push({ path: `allocation.payFirst[${index}]`, message: `"${id}" is not a completed procedure of this patient's family` });
		});
	}
	if (issues.length > 0) {
		return { ok: false, result: { id: intent.id, outcome: 'rejected', error: { code: 'invalid', message: issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues } } };
	}
	return { ok: true, familyId: patient.guarantorId };
}

/** "device Front desk 1 (Maria)": who did it, for the audit trail. */
export function actorOf(device: { name: string }, intent?: { takenBy?: string | undefined }): string {
	return `device ${device.name}${intent?.takenBy ? ` (${intent.takenBy})` : ''}`;
}
