import { describe, expect, it } from 'vitest';
import { describeMethod } from '$lib/domain/payment/describeMethod';
import { paymentMethodSchema } from '$lib/domain/payment/paymentIntent';
import { paymentDescription, paymentNote } from '$lib/domain/payment/paymentDescription';
import { findCardNumber } from '$lib/domain/text/findCardNumber';

describe('describeMethod', () => {
	it.each([
		[{ kind: 'cash' } as const, 'Cash'],
		[{ kind: 'check', checkNumber: '1042' } as const, 'Check #1042'],
		[{ kind: 'card', terminalRef: 'T-99', brand: 'Visa', last4: '4242' } as const, 'Visa card ending 4242 (terminal ref T-99)'],
		[{ kind: 'ach', reference: 'ACH-7' } as const, 'ACH (ref ACH-7)']
	])('%o → %s', (method, words) => {
		expect(describeMethod(method)).toBe(words);
	});
});

describe('describeMethod wordings', () => {
	const card = { kind: 'card', terminalRef: 'T-99', brand: 'Visa', last4: '4242' } as const;
	it('prose is lower-case where the words allow, for notes and sentences', () => {
		expect(describeMethod({ kind: 'check', checkNumber: '1042' }, 'prose')).toBe('check #1042');
		expect(describeMethod(card, 'prose')).toBe('Visa card ending 4242 (terminal ref T-99)');
	});
	it('short fits a list row', () => {
		expect(describeMethod(card, 'short')).toBe('Visa ••4242');
		expect(describeMethod({ kind: 'ach', reference: 'ACH-7' }, 'short')).toBe('ACH ACH-7');
		expect(describeMethod({ kind: 'cash' }, 'short')).toBe('Cash');
	});
});

describe('the card brand rule', () => {
	it('refuses a brand that does not start with a letter, naming what is allowed', () => {
		const result = paymentMethodSchema.safeParse({ kind: 'card', terminalRef: 'T-1', brand: '4111', last4: '1111' });
		expect(result.success).toBe(false);
		expect(result.error?.issues[0]).toMatchObject({ path: ['brand'], message: expect.stringContaining('must start with a letter') });
		expect(paymentMethodSchema.safeParse({ kind: 'card', terminalRef: 'T-1', brand: 'Amex', last4: '1111' }).success).toBe(true);
	});
	it('a ledger note never joins the reference and the method into something that reads as a card number', () => {
		const id = '01900000-0000-7000-8000-000000004111';
		const intent = { id, patientId: '1', amount: 100, method: { kind: 'card', terminalRef: '1111', brand: 'Visa', last4: '1111' }, payDate: '2026-12-06', takenAt: '2026-12-06T12:00:00Z' } as never;
		expect(findCardNumber(paymentNote(id, paymentDescription(intent)))).toBeNull();
	});
});
