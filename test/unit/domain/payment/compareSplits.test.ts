import { describe, expect, it } from 'vitest';
import { compareSplits } from '$lib/domain/payment/compareSplits';

const split = (amount: number, procedureId?: string) => ({ patientId: '1', providerId: '2', clinicId: null, amount, ...(procedureId ? { procedureId } : {}) });

describe('compareSplits', () => {
	it('matches the same splits in any order, ignoring reasons', () => {
		expect(compareSplits([split(100, 'a'), split(50)], [{ ...split(50), reason: 'x' } as never, split(100, 'a')]).matches).toBe(true);
	});
	it('names what each side has that the other does not, counting duplicates', () => {
		const result = compareSplits([split(100, 'a'), split(100, 'a')], [split(100, 'a'), split(100, 'b')]);
		expect(result.matches).toBe(false);
		expect(result.difference).toEqual({ onlyInPms: [split(100, 'a')], onlyInPaysplit: [split(100, 'b')] });
	});
	it('treats absent and null providers and clinics alike', () => {
		expect(compareSplits([{ patientId: '1', providerId: null, clinicId: null, amount: 5, unearnedType: '9' }], [{ patientId: '1', providerId: null, clinicId: null, amount: 5, unearnedType: '9' }]).matches).toBe(true);
	});
});
