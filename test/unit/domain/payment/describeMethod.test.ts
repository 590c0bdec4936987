import { describe, expect, it } from 'vitest';
import { describeMethod } from '$lib/domain/payment/describeMethod';

describe('describeMethod', () => {
	it.each([
		[{ kind: 'cash' } as const, 'Cash'],
		[{ kind: 'check', checkNumber: '1042' } as const, 'Check #1042'],
		[{ kind: 'card', terminalRef: 'T-99', brand: 'Visa', last4: '4242' } as const, 'Visa card ending 4242 (terminal ref T-99)'],
		[{ kind: 'ach', reference: 'ACH-7' } as const, 'ACH, reference ACH-7']
	])('%o → %s', (method, words) => {
		expect(describeMethod(method)).toBe(words);
	});
});
