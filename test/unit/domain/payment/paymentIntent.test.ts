import { describe, expect, it } from 'vitest';
import { paymentIntentSchema } from '$lib/domain/payment/paymentIntent';
import { looksLikeCardNumber } from '$lib/domain/text/findCardNumber';
import { paymentContentKey } from '$lib/domain/payment/paymentContentKey';
import { issuesOf } from '$lib/domain/api/errorBody';
import { paymentResultSchema } from '$lib/domain/api/paymentsBatch';

const valid = {
	id: '01a207cc-5eed-776f-94b3-132d6c785fff',
	patientId: '11',
	amount: 12500,
	method: { kind: 'card', terminalRef: 'T-1', brand: 'Visa', last4: '4242' },
	payDate: '2026-11-23',
	takenAt: '2026-11-23T10:00:00.000Z'
};

const pathsOf = (value: unknown) => {
	const parsed = paymentIntentSchema.safeParse(value);
	return parsed.success ? [] : issuesOf(parsed.error).map((i) => i.path);
};

describe('paymentIntentSchema', () => {
	it('accepts a payment as DESIGN §6 defines it', () => {
		expect(paymentIntentSchema.safeParse(valid).success).toBe(true);
		expect(paymentIntentSchema.safeParse({ ...valid, method: { kind: 'cash' }, takenBy: 'Maria', clinicId: '2', note: 'paid at checkout', allocation: { preferPatient: true, payFirst: ['7'] }, preview: [] }).success).toBe(true);
	});

	it.each([
		['amount', { amount: 0 }],
		['amount', { amount: 100_000_001 }],
		['amount', { amount: 12.5 }],
		['amount', { amount: '125' }],
		['id', { id: '01a207cc-5eed-476f-94b3-132d6c785fff' }],
		['id', { id: '01A207CC-5EED-776F-94B3-132D6C785FFF' }],
		['payDate', { payDate: '2026-02-29' }],
		['payDate', { payDate: '11/23/2026' }],
		['takenAt', { takenAt: '2026-11-23' }],
		['method.last4', { method: { kind: 'card', terminalRef: 'T', brand: 'Visa', last4: '42' } }],
		['method.kind', { method: { kind: 'bitcoin' } }],
		['method.checkNumber', { method: { kind: 'check', checkNumber: '   ' } }],
		['note', { note: 'x'.repeat(501) }],
		['note', { note: 'card was 4111-1111-1111-1111' }],
		['method.terminalRef', { method: { kind: 'card', terminalRef: '5555555555554444', brand: 'Visa', last4: '4444' } }],
		['patientId', { patientId: '' }]
	])('names %s when it is bad (%o)', (path, change) => {
		expect(pathsOf({ ...valid, ...change })).toContain(path);
	});

	it('refuses unknown fields, naming them', () => {
		const parsed = paymentIntentSchema.safeParse({ ...valid, cardNumber: '4111111111111111' });
		expect(parsed.success).toBe(false);
		if (!parsed.success) expect(issuesOf(parsed.error)[0]!.message).toContain('"cardNumber"');
	});

	it('reports every bad field of one payment at once', () => {
		expect(pathsOf({ ...valid, amount: -1, payDate: 'x', patientId: '' }).sort()).toEqual(['amount', 'patientId', 'payDate']);
	});
});

describe('looksLikeCardNumber', () => {
	it.each(['4111111111111111', '4111 1111 1111 1111', '4111-1111-1111-1111', 'ref 378282246310005 amex', '6011000990139424'])('spots %s', (text) => {
		expect(looksLikeCardNumber(text)).toBe(true);
	});
	it.each(['check 1042', 'T-778-2026-11-23', '4242', 'ref 123456789012', 'phone (503) 555-0101'])('lets %s through', (text) => {
		expect(looksLikeCardNumber(text)).toBe(false);
	});
});

describe('paymentContentKey', () => {
	const intent = paymentIntentSchema.parse(valid);
	it('ignores takenAt and preview but nothing else', () => {
		expect(paymentContentKey({ ...intent, takenAt: '2027-01-01T00:00:00.000Z', preview: [] })).toBe(paymentContentKey(intent));
		expect(paymentContentKey({ ...intent, amount: 12501 as never })).not.toBe(paymentContentKey(intent));
		expect(paymentContentKey({ ...intent, takenBy: 'Maria' })).not.toBe(paymentContentKey(intent));
	});
	it('treats an absent allocation choice as the defaults, and key order as irrelevant', () => {
		expect(paymentContentKey({ ...intent, allocation: { preferPatient: false, payFirst: [] } })).toBe(paymentContentKey(intent));
		const reordered = paymentIntentSchema.parse(JSON.parse(JSON.stringify({ takenAt: valid.takenAt, method: { last4: '4242', brand: 'Visa', terminalRef: 'T-1', kind: 'card' }, payDate: valid.payDate, amount: 12500, patientId: '11', id: valid.id })));
		expect(paymentContentKey(reordered)).toBe(paymentContentKey(intent));
	});
});

describe('paymentResultSchema', () => {
	it('parses each outcome of DESIGN §6 and refuses others', () => {
		expect(paymentResultSchema.safeParse({ id: 'a', outcome: 'accepted', status: 'accepted' }).success).toBe(true);
		expect(paymentResultSchema.safeParse({ id: 'a', outcome: 'duplicate', status: 'posted' }).success).toBe(true);
		expect(paymentResultSchema.safeParse({ id: null, outcome: 'rejected', error: { code: 'invalid', message: 'm', issues: [] } }).success).toBe(true);
		expect(paymentResultSchema.safeParse({ id: 'a', outcome: 'conflict', error: { code: 'conflict', message: 'm' } }).success).toBe(true);
		expect(paymentResultSchema.safeParse({ id: 'a', outcome: 'accepted', status: 'lost' }).success).toBe(false);
		expect(paymentResultSchema.safeParse({ id: 'a', outcome: 'maybe' }).success).toBe(false);
	});
});
