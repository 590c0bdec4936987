import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '$lib/domain/settings/practiceSettings';
import { choosePaymentType } from '$lib/server/pipeline/choosePaymentType';

const types = [
	{ id: '69', name: 'Check' },
	{ id: '70', name: 'Cash' },
	{ id: '71', name: 'Credit Card' },
	{ id: '80', name: 'Paysplit' }
];

describe('choosePaymentType', () => {
	it('with nothing chosen, takes the type named for the method', () => {
		expect(choosePaymentType(DEFAULT_SETTINGS, 'card', null, types)).toEqual({ ok: true, id: '71' });
		expect(choosePaymentType(DEFAULT_SETTINGS, 'check', '2', types)).toEqual({ ok: true, id: '69' });
	});
	it('takes the practice-wide type chosen in the settings', () => {
		expect(choosePaymentType({ ...DEFAULT_SETTINGS, paymentTypeId: '80' }, 'cash', null, types)).toEqual({ ok: true, id: '80' });
	});
	it('takes the clinic’s type for a payment in that clinic, the practice’s elsewhere', () => {
		const settings = { ...DEFAULT_SETTINGS, paymentTypeId: '80', clinicPaymentTypes: { '2': '70' } };
		expect(choosePaymentType(settings, 'card', '2', types)).toEqual({ ok: true, id: '70' });
		expect(choosePaymentType(settings, 'card', '3', types)).toEqual({ ok: true, id: '80' });
		expect(choosePaymentType({ ...DEFAULT_SETTINGS, clinicPaymentTypes: { '2': '70' } }, 'card', '3', types)).toEqual({ ok: true, id: '71' });
	});
	it('refuses a chosen type the PMS no longer lists, naming it and the ones it has', () => {
		const choice = choosePaymentType({ ...DEFAULT_SETTINGS, paymentTypeId: '99' }, 'cash', null, types);
		expect(choice.ok).toBe(false);
		expect(!choice.ok && choice.reason).toContain('(99) is no longer');
		expect(!choice.ok && choice.reason).toContain('80 Paysplit');
	});
	it('refuses when the PMS has no payment types at all', () => {
		expect(choosePaymentType(DEFAULT_SETTINGS, 'cash', null, []).ok).toBe(false);
	});
});
