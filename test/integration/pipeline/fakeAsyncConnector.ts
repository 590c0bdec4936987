import type { Cents } from '$lib/domain/money/cents';
import { paymentNote } from '$lib/domain/payment/paymentDescription';
import { paysplitReference } from '$lib/domain/payment/paysplitReference';
import type { PmsConnector, PmsPayment, PmsPaymentRequest, PmsResult, PmsSplit, PmsWrite, PmsWriteStatus, PracticeSnapshot } from '$lib/server/connectors/PmsConnector';

/**
 * How each next write behaves on the asynchronous PMS double: taken (202) and landing on the next
 * `land()`; taken and the answer lost; lost before it arrived; taken and never landing; refused.
 */
export type AsyncBehaviour = 'ok' | 'lose_response' | 'timeout_before_apply' | 'never_lands' | 'refuse';

/**
 * A PMS double whose writes are asynchronous and not deduplicated, as NexHealth's: a write answers
 * `submitted`, and lands on a later read cycle (`land()`) as one row per split Paysplit sent plus one
 * for the unapplied rest, all carrying the payment's reference. Family 2 owes $15.00 on procedure 21.
 */
export function createFakeAsyncConnector(script: AsyncBehaviour[] = []) {
	const payments: PmsPayment[] = [];
	/** The rows each written split became, by PMS id: for `readSplits`. */
	const splitsByRow = new Map<string, PmsSplit>();
	const writes: PmsPaymentRequest[] = [];
	let pending: PmsPaymentRequest[] = [];
	let writeStatus: PmsWriteStatus = { writable: true };
	const snapshot: PracticeSnapshot = {
		patients: [
			{ id: '1', guarantorId: '1', firstName: 'Ada', lastName: 'Lovelace' },
			{ id: '2', guarantorId: '2', firstName: 'Grace', lastName: 'Hopper' }
		],
		families: ['1', '2'].map((id) => ({
			guarantorId: id,
			ledger: {
				patients: [{ id, guarantorId: id, primaryProviderId: '1' }],
				unearnedTypes: [{ id: '0', name: 'Unapplied credit', hidden: false }],
				procedures: id === '2' ? [{ id: '21', patientId: '2', providerId: '1', clinicId: null, date: '2026-10-01', status: 'complete' as const, fee: 1500 as Cents, units: 1, claims: [] }] : [],
				adjustments: [],
				splits: []
			}
		})),
		providers: [{ id: '1', abbr: 'DOC1', name: 'Dr One' }],
		clinics: [],
		paymentTypes: [{ id: '70', name: 'Cash' }, { id: '69', name: 'Check' }],
		unearnedTypes: [{ id: '0', name: 'Unapplied credit', hidden: false }],
		preferences: { prepaymentType: '0', subtractInsuranceEstimates: true, adjustmentsOffsetEachOther: true, clinicsEnabled: false, order: 'oldest_first' }
	};

	/** Writes a taken request as the PMS's rows: one per split to a procedure, one for the rest. */
	function land(request: PmsPaymentRequest): void {
		const toCharges = request.mode === 'allocate' ? request.splits.filter((s) => s.procedureId) : [];
		const rest = request.amount - toCharges.reduce((sum, s) => sum + s.amount, 0);
		const parts = [...toCharges.map((s) => ({ amount: s.amount, procedureId: s.procedureId, providerId: s.providerId })), ...(rest > 0 ? [{ amount: rest as Cents, procedureId: undefined, providerId: null }] : [])];
		for (const part of parts) {
			const row: PmsPayment = { pmsPaymentId: String(700 + payments.length), patientId: request.patientId, amount: part.amount, payDate: request.payDate, paymentTypeId: request.paymentTypeId, note: paymentNote(request.paymentId, request.description) };
			payments.push(row);
			splitsByRow.set(row.pmsPaymentId, { patientId: request.patientId, providerId: part.providerId, clinicId: null, amount: part.amount, ...(part.procedureId ? { procedureId: part.procedureId } : { unearnedType: '0' }) });
		}
	}

	const connector: PmsConnector = {
		name: 'fake-async',
		capabilities: { writableModes: ['allocate', 'post_only'], writebackStatuses: [], patientNotes: false, refunds: false, writes: 'async', rowsPerPayment: 'many', splitsBy: 'paysplit' },
		identify: async () => ({ ok: true, value: { connector: 'fake-async', emr: 'Fake EMR' } }),
		writeStatus: async () => ({ ok: true, value: writeStatus }),
		readPractice: async () => ({ ok: true, value: snapshot }),
		async readFamily(guarantorId) {
			const family = snapshot.families.find((f) => f.guarantorId === guarantorId);
			return { ok: true, value: family ? { patients: snapshot.patients.filter((p) => p.guarantorId === guarantorId), ledger: family.ledger } : null };
		},
		async postPayment(request): Promise<PmsResult<PmsWrite>> {
			writes.push(request);
			switch (script.shift() ?? 'ok') {
				case 'ok':
					pending.push(request);
					return { ok: true, value: { kind: 'submitted' } };
				case 'never_lands':
					return { ok: true, value: { kind: 'submitted' } };
				case 'lose_response':
					pending.push(request);
					return { ok: false, failure: { kind: 'unknown', message: 'socket hang up after the write was taken' } };
				case 'timeout_before_apply':
					return { ok: false, failure: { kind: 'unknown', message: 'timed out' } };
				case 'refuse':
					return { ok: false, failure: { kind: 'refused', status: 400, message: 'Payment Type with id 70 not found in location 1' } };
			}
		},
		async findPayments({ paymentId, patientId }) {
			const reference = paysplitReference(paymentId);
			return { ok: true, value: payments.filter((p) => p.patientId === patientId && p.note.startsWith(`${reference} `)) };
		},
		readSplits: async (pmsPaymentId) => ({ ok: true, value: splitsByRow.has(pmsPaymentId) ? [splitsByRow.get(pmsPaymentId)!] : [] }),
		setPaymentStatus: async () => ({ ok: false, failure: { kind: 'refused', message: 'not writable through this PMS' } }),
		writePatientNote: async () => ({ ok: false, failure: { kind: 'refused', message: 'not writable through this PMS' } }),
		findPatientNotes: async () => ({ ok: true, value: [] })
	};
	return {
		connector,
		payments,
		writes,
		/** The PMS's next write cycle: every write it took so far appears. */
		land() {
			const taken = pending;
			pending = [];
			for (const request of taken) land(request);
		},
		/** Lands one more copy of a write, as a PMS that wrote it twice. */
		landAgain(request: PmsPaymentRequest) {
			land(request);
		},
		setWritable(status: PmsWriteStatus) {
			writeStatus = status;
		}
	};
}
