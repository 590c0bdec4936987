import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allocatePayment } from '$lib/domain/allocation/allocatePayment';

/** A valid family to break one field at a time: two patients, a procedure with a claim, an adjustment, a split. */
function validInput(): Record<string, any> {
	return {
		payment: { patientId: '10', amount: 10000, payDate: '2024-12-02', clinicId: null },
		mode: 'allocate',
		options: {
			order: 'oldest_first',
			preferPatient: false,
			payFirst: ['1'],
			subtractInsuranceEstimates: true,
			adjustmentsOffsetEachOther: true,
			prepaymentType: '283',
			clinicsEnabled: false
		},
		ledger: {
			patients: [
				{ id: '10', guarantorId: '10', primaryProviderId: '1' },
				{ id: '11', guarantorId: '10', primaryProviderId: '2' }
			],
			unearnedTypes: [
				{ id: '283', name: 'Prepayment', hidden: false },
				{ id: '299', name: 'Treat Plan Prepayment', hidden: true }
			],
			procedures: [
				{ id: '1', patientId: '10', providerId: '1', clinicId: null, date: '2024-01-10', status: 'complete', fee: 5000, units: 1, claims: [{ status: 'estimate', insPayEst: 1000 }] },
				{ id: '2', patientId: '11', providerId: '2', clinicId: null, date: '2024-02-10', status: 'complete', fee: 3000, units: 1, claims: [] }
			],
			adjustments: [{ id: '1', patientId: '10', providerId: '1', clinicId: null, date: '2024-01-11', amount: -500, procedureId: '1' }],
			splits: [
				{ id: 's1', paymentId: 'p1', patientId: '11', providerId: '2', clinicId: null, date: '2024-02-11', amount: 1000, procedureId: '2', adjustmentId: null, unearnedType: null },
				{ id: 's2', paymentId: 'p1', patientId: '10', providerId: '1', clinicId: null, date: '2024-02-11', amount: 200, procedureId: null, adjustmentId: '1', unearnedType: null }
			]
		}
	};
}

function refusal(input: unknown) {
	const result = allocatePayment(input);
	if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.splits)}`);
	return result.error;
}

describe('allocatePayment refuses bad input with a code, a path and a message naming the value', () => {
	it('accepts the valid base input (so each case below fails for its one change)', () => {
		expect(allocatePayment(validInput()).ok).toBe(true);
	});

	it('a procedure and an adjustment may share an id, as Open Dental ids do', () => {
		const input = validInput();
		expect(input.ledger.procedures[0].id).toBe(input.ledger.adjustments[0].id);
		expect(allocatePayment(input).ok).toBe(true);
	});

	type Case = [title: string, change: (input: Record<string, any>) => void, code: string, path: string, shown: string];
	const cases: Case[] = [
		['a zero payment', (i) => (i.payment.amount = 0), 'invalid_payment_amount', 'payment.amount', ' 0 '],
		['a negative payment (refund)', (i) => (i.payment.amount = -500), 'invalid_payment_amount', 'payment.amount', '-500'],
		['a fractional payment', (i) => (i.payment.amount = 12.5), 'invalid_payment_amount', 'payment.amount', '12.5'],
		['a payment past the safe integers', (i) => (i.payment.amount = 2 ** 53), 'invalid_payment_amount', 'payment.amount', '9007199254740992'],
		['a payment given as text', (i) => (i.payment.amount = '100'), 'invalid_payment_amount', 'payment.amount', '"100"'],
		['a payment that is NaN', (i) => (i.payment.amount = Number.NaN), 'invalid_payment_amount', 'payment.amount', 'NaN'],
		['a fractional fee', (i) => (i.ledger.procedures[1].fee = 10.5), 'invalid_amount', 'ledger.procedures[1].fee', '10.5'],
		['an infinite adjustment', (i) => (i.ledger.adjustments[0].amount = Number.POSITIVE_INFINITY), 'invalid_amount', 'ledger.adjustments[0].amount', 'Infinity'],
		['a fractional split', (i) => (i.ledger.splits[1].amount = 0.1), 'invalid_amount', 'ledger.splits[1].amount', '0.1'],
		['a fractional claim estimate', (i) => (i.ledger.procedures[0].claims[0].insPayEst = 1.5), 'invalid_amount', 'ledger.procedures[0].claims[0].insPayEst', '1.5'],
		['a payment for a patient outside the family', (i) => (i.payment.patientId = '99'), 'unknown_patient', 'payment.patientId', '"99"'],
		['a procedure of an unknown patient', (i) => (i.ledger.procedures[1].patientId = 'p-x'), 'unknown_patient', 'ledger.procedures[1].patientId', '"p-x"'],
		['an adjustment of an unknown patient', (i) => (i.ledger.adjustments[0].patientId = '42'), 'unknown_patient', 'ledger.adjustments[0].patientId', '"42"'],
		['a split of an unknown patient', (i) => (i.ledger.splits[1].patientId = '43'), 'unknown_patient', 'ledger.splits[1].patientId', '"43"'],
		['a procedure id used twice', (i) => (i.ledger.procedures[1].id = '1'), 'duplicate_id', 'ledger.procedures[1].id', '"1"'],
		['a split id used twice', (i) => (i.ledger.splits[1].id = 's1'), 'duplicate_id', 'ledger.splits[1].id', '"s1"'],
		['a patient listed twice', (i) => i.ledger.patients.push({ id: '11', guarantorId: '10', primaryProviderId: '1' }), 'duplicate_id', 'ledger.patients[2].id', '"11"'],
		['an unearned type listed twice', (i) => i.ledger.unearnedTypes.push({ id: '283', name: 'Again', hidden: false }), 'duplicate_id', 'ledger.unearnedTypes[2].id', '"283"'],
		['an adjustment id used twice', (i) => i.ledger.adjustments.push({ ...i.ledger.adjustments[0] }), 'duplicate_id', 'ledger.adjustments[1].id', '"1"'],
		['payFirst naming no procedure', (i) => (i.options.payFirst = ['1', 'nope']), 'unknown_procedure', 'options.payFirst[1]', '"nope"'],
		['an adjustment attached to no procedure', (i) => (i.ledger.adjustments[0].procedureId = '77'), 'unknown_procedure', 'ledger.adjustments[0].procedureId', '"77"'],
		['a split linked to no procedure', (i) => (i.ledger.splits[0].procedureId = '78'), 'unknown_procedure', 'ledger.splits[0].procedureId', '"78"'],
		['a split linked to no adjustment', (i) => (i.ledger.splits[1].adjustmentId = '79'), 'unknown_adjustment', 'ledger.splits[1].adjustmentId', '"79"'],
		['a negative fee', (i) => (i.ledger.procedures[1].fee = -100), 'negative_fee', 'ledger.procedures[1].fee', '-100'],
		['units below 0', (i) => (i.ledger.procedures[0].units = -1), 'invalid_units', 'ledger.procedures[0].units', '-1'],
		['fractional units', (i) => (i.ledger.procedures[0].units = 1.5), 'invalid_units', 'ledger.procedures[0].units', '1.5'],
		['a procedure date that does not exist', (i) => (i.ledger.procedures[0].date = '2024-02-30'), 'invalid_date', 'ledger.procedures[0].date', '"2024-02-30"'],
		['a payment date in words', (i) => (i.payment.payDate = 'yesterday'), 'invalid_date', 'payment.payDate', '"yesterday"'],
		['a split date without zero padding', (i) => (i.ledger.splits[0].date = '2024-1-5'), 'invalid_date', 'ledger.splits[0].date', '"2024-1-5"'],
		['an adjustment date in another format', (i) => (i.ledger.adjustments[0].date = '01/11/2024'), 'invalid_date', 'ledger.adjustments[0].date', '"01/11/2024"'],
		['an unknown mode', (i) => (i.mode = 'refund'), 'invalid_input', 'mode', '"refund"'],
		['an unknown order', (i) => (i.options.order = 'newest_first'), 'invalid_input', 'options.order', '"newest_first"'],
		['an unknown claim status', (i) => (i.ledger.procedures[0].claims[0].status = 'paid'), 'invalid_input', 'ledger.procedures[0].claims[0].status', '"paid"'],
		['a missing list of splits', (i) => delete i.ledger.splits, 'invalid_input', 'ledger.splits', 'missing'],
		['an empty id', (i) => (i.ledger.procedures[0].id = ''), 'invalid_input', 'ledger.procedures[0].id', '""'],
		['fees too large to add up exactly', (i) => { i.ledger.procedures[0].fee = 2 ** 52; i.ledger.procedures[1].fee = 2 ** 52; }, 'amount_out_of_range', 'ledger.procedures[1].fee', 'ledger.procedures[1].fee']
	];

	it.each(cases)('%s', (_title, change, code, path, shown) => {
		const input = validInput();
		change(input);
		const error = refusal(input);
		expect(error.code).toBe(code);
		expect(error.path).toBe(path);
		expect(error.message).toContain(path);
		expect(` ${error.message} `).toContain(shown);
	});

	it('says what is allowed: the modes, the date format, the sign of a payment', () => {
		const mode = validInput();
		mode.mode = 'refund';
		expect(refusal(mode).message).toMatch(/allocate.*post_only.*providers_only/);
		const date = validInput();
		date.payment.payDate = '2024/12/02';
		expect(refusal(date).message).toContain('YYYY-MM-DD');
		const amount = validInput();
		amount.payment.amount = -1;
		expect(refusal(amount).message).toContain('at least 1 cent');
	});

	it.each([
		['nothing', undefined],
		['null', null],
		['a number', 42],
		['a string', 'allocate please'],
		['a list', []],
		['an empty object', {}]
	])('refuses %s as input without throwing', (_title, input) => {
		const error = refusal(input);
		expect(error.code).toBe('invalid_input');
		expect(error.message.length).toBeGreaterThan(20);
	});

	it('never throws, even for a bigint amount or a getter that throws', () => {
		const bigint = validInput();
		bigint.payment.amount = 10n;
		const bigintError = refusal(bigint);
		expect(bigintError.code).toBe('invalid_payment_amount');
		expect(bigintError.message).toContain('10n');

		const hostile = validInput();
		Object.defineProperty(hostile.ledger, 'procedures', {
			enumerable: true,
			get() {
				throw new Error('boom');
			}
		});
		expect(() => allocatePayment(hostile)).not.toThrow();
		expect(allocatePayment(hostile).ok).toBe(false);
	});

	it('reports the first problem and counts the others', () => {
		const input = validInput();
		input.payment.payDate = 'soon';
		input.ledger.procedures[0].fee = 'free';
		const error = refusal(input);
		expect(error.path).toBe('payment.payDate');
		expect(error.message).toContain('1 more problem');
	});

	it('does not refuse a payment over $1,000,000.00: the contract only asks for a positive safe integer', () => {
		const input = validInput();
		input.payment.amount = 100_000_001;
		expect(allocatePayment(input).ok).toBe(true);
	});

	it('refuses a shared vector once its payment is negative (refunds are allocated by hand)', () => {
		const vector = JSON.parse(readFileSync(new URL('../../../fixtures/allocation/01-partial-fifo.json', import.meta.url), 'utf8'));
		vector.input.payment.amount = -10000;
		expect(refusal(vector.input).code).toBe('invalid_payment_amount');
	});
});
