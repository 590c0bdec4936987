import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type PmsOptions } from '$lib/domain/settings/practiceSettings';
import { validateSettings } from '$lib/server/settings/validateSettings';

const options: PmsOptions = {
	paymentTypes: [{ id: '69', name: 'Check' }, { id: '70', name: 'Cash' }],
	writebackStatuses: [{ id: 'OnlineProcessed', name: 'Online processed' }],
	unearnedTypes: [],
	clinics: [{ id: '1', name: 'Main' }],
	providers: [],
	preferences: { prepaymentType: '1', subtractInsuranceEstimates: true, adjustmentsOffsetEachOther: true, clinicsEnabled: true, order: 'oldest_first', payDateChargesFirst: false },
	capabilities: { writableModes: ['allocate', 'post_only'], patientNotes: false, splitsBy: 'pms', writes: 'sync' }
};

describe('validateSettings against what the PMS offers', () => {
	it('accepts choices the PMS offers', () => {
		expect(validateSettings({ ...DEFAULT_SETTINGS, paymentTypeId: '70', clinicPaymentTypes: { '1': '69' }, writebackStatusId: 'OnlineProcessed', allocationMode: 'post_only' }, options)).toEqual([]);
	});
	it('names each choice the PMS does not offer, with what it does', () => {
		const issues = validateSettings({ ...DEFAULT_SETTINGS, paymentTypeId: '5', clinicPaymentTypes: { '9': '69', '1': '6' }, writebackStatusId: 'Done', allocationMode: 'providers_only', patientNotes: true }, options);
		expect(issues.map((i) => i.path)).toEqual(['settings.paymentTypeId', 'settings.clinicPaymentTypes.1', 'settings.clinicPaymentTypes.9', 'settings.allocationMode', 'settings.writebackStatusId', 'settings.patientNotes']);
		expect(issues[0]!.message).toBe('"5" is not one of the PMS\'s payment types: 69 (Check), 70 (Cash)');
		expect(issues[3]!.message).toContain('allowed: allocate, post_only');
	});
	it('checks nothing before the PMS has been read', () => {
		expect(validateSettings({ ...DEFAULT_SETTINGS, paymentTypeId: '5' }, null)).toEqual([]);
	});
});
