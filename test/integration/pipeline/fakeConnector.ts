import type { Cents } from '$lib/domain/money/cents';
import { paymentNote } from '$lib/domain/payment/paymentDescription';
import { paysplitReference } from '$lib/domain/payment/paysplitReference';
import type { PmsConnector, PmsFailureKind, PmsPatientNote, PmsPayment, PmsPaymentRequest, PmsResult, PmsSplit, PmsWrite, PracticeSnapshot } from '$lib/server/connectors/PmsConnector';

/** How this fake PMS splits a payment (tests may replace it to make the PMS disagree with the engine). */
export let splitOf = (payment: PmsPayment): PmsSplit => ({ patientId: payment.patientId, providerId: null, clinicId: null, amount: payment.amount, unearnedType: '283' });
export function setSplitOf(split: typeof splitOf): void {
	splitOf = split;
}

export type PostBehaviour = 'ok' | 'lose_response' | 'refuse' | 'unreachable' | 'timeout_before_apply';

/**
 * A PMS double: an in-memory ledger of payments and a script of how each next write behaves
 * (answer, apply then lose the answer, refuse, never arrive). Reads can be made to fail.
 */
export function createFakeConnector(script: PostBehaviour[] = []) {
	const payments: PmsPayment[] = [];
	const writes: PmsPaymentRequest[] = [];
	/** Process statuses written, by PMS payment id (the last one wins, as in Open Dental). */
	const statuses = new Map<string, string>();
	const notes: PmsPatientNote[] = [];
	const noteWrites: { patientId: string; text: string; at: string }[] = [];
	/** How each next note or status write behaves: 'ok', or a failure (applied first for 'lose_response'). */
	const followUpScript: ('ok' | 'lose_response' | Exclude<PmsFailureKind, 'unknown'>)[] = [];
	let readsFail = false;
	const snapshot: PracticeSnapshot = {
		patients: [
			{ id: '1', guarantorId: '1', firstName: 'Ada', lastName: 'Lovelace' },
			{ id: '2', guarantorId: '2', firstName: 'Grace', lastName: 'Hopper' }
		],
		families: ['1', '2'].map((id) => ({ guarantorId: id, ledger: { patients: [{ id, guarantorId: id, primaryProviderId: '1' }], unearnedTypes: [], procedures: [], adjustments: [], splits: [] } })),
		providers: [{ id: '1', abbr: 'DOC1', name: 'Dr One' }],
		clinics: [],
		paymentTypes: [{ id: '70', name: 'Cash' }, { id: '69', name: 'Check' }],
		unearnedTypes: [{ id: '283', name: 'Prepayment', hidden: false }],
		preferences: { prepaymentType: '283', subtractInsuranceEstimates: true, adjustmentsOffsetEachOther: true, clinicsEnabled: false, order: 'oldest_first' }
	};
	const connector: PmsConnector = {
		name: 'fake',
		capabilities: { writableModes: ['allocate', 'post_only'], writebackStatuses: [{ id: 'OnlineProcessed', name: 'Online processed' }, { id: 'OnlinePending', name: 'Online pending' }], patientNotes: true, refunds: false, writes: 'sync', rowsPerPayment: 'one', splitsBy: 'pms' },
		identify: async () => ({ ok: true, value: { connector: 'fake', emr: 'Fake PMS' } }),
		writeStatus: async () => ({ ok: true, value: { writable: true } }),
		async readPractice() {
			return readsFail ? { ok: false, failure: { kind: 'unreachable', message: 'down' } } : { ok: true, value: snapshot };
		},
		async readFamily(guarantorId) {
			if (readsFail) return { ok: false, failure: { kind: 'unreachable', message: 'down' } };
			const family = snapshot.families.find((f) => f.guarantorId === guarantorId);
			return { ok: true, value: family ? { patients: snapshot.patients.filter((p) => p.guarantorId === guarantorId), ledger: family.ledger } : null };
		},
		async postPayment(request): Promise<PmsResult<PmsWrite>> {
			writes.push(request);
			const behaviour = script.shift() ?? 'ok';
			const apply = () => {
				const payment: PmsPayment = { pmsPaymentId: String(500 + payments.length), patientId: request.patientId, amount: request.amount as Cents, payDate: request.payDate, paymentTypeId: request.paymentTypeId, note: paymentNote(request.paymentId, request.description) };
				payments.push(payment);
				return payment;
			};
			switch (behaviour) {
				case 'ok':
					return { ok: true, value: { kind: 'written', payments: [apply()] } };
				case 'lose_response':
					apply();
					return { ok: false, failure: { kind: 'unknown', message: 'socket hang up' } };
				case 'timeout_before_apply':
					return { ok: false, failure: { kind: 'unknown', message: 'timed out' } };
				case 'refuse':
					return { ok: false, failure: { kind: 'refused', status: 400, message: 'PayType is invalid.' } };
				case 'unreachable':
					return { ok: false, failure: { kind: 'unreachable', message: 'ECONNREFUSED' } };
			}
		},
		async findPayments({ paymentId, patientId }) {
			if (readsFail) return { ok: false, failure: { kind: 'unreachable', message: 'down' } };
			const reference = paysplitReference(paymentId);
			return { ok: true, value: payments.filter((p) => p.patientId === patientId && (p.note === reference || p.note.startsWith(`${reference} `))) };
		},
		async setPaymentStatus(pmsPaymentId, statusId): Promise<PmsResult<void>> {
			const behaviour = followUpScript.shift() ?? 'ok';
			if (behaviour === 'ok' || behaviour === 'lose_response') statuses.set(pmsPaymentId, statusId);
			if (behaviour === 'ok') return { ok: true, value: undefined };
			return { ok: false, failure: { kind: behaviour === 'lose_response' ? 'unknown' : behaviour, message: `status write: ${behaviour}` } };
		},
		async writePatientNote(patientId, text, at): Promise<PmsResult<PmsPatientNote>> {
			noteWrites.push({ patientId, text, at });
			const behaviour = followUpScript.shift() ?? 'ok';
			const apply = () => {
				const note = { id: String(900 + notes.length), patientId, text, at };
				notes.push(note);
				return note;
			};
			if (behaviour === 'ok') return { ok: true, value: apply() };
			if (behaviour === 'lose_response') apply();
			return { ok: false, failure: { kind: behaviour === 'lose_response' ? 'unknown' : behaviour, message: `note write: ${behaviour}` } };
		},
		async findPatientNotes(patientId, reference) {
			if (readsFail) return { ok: false, failure: { kind: 'unreachable', message: 'down' } };
			return { ok: true, value: notes.filter((n) => n.patientId === patientId && n.text.includes(reference)) };
		},
		async readSplits(pmsPaymentId) {
			const payment = payments.find((p) => p.pmsPaymentId === pmsPaymentId);
			// As the demo PMS splits a payment for a family that owes nothing: all prepayment.
			return { ok: true, value: payment ? [splitOf(payment)] : [] };
		}
	};
	return {
		connector,
		payments,
		writes,
		script,
		statuses,
		notes,
		noteWrites,
		followUpScript,
		setReadsFail(value: boolean) {
			readsFail = value;
		}
	};
}
