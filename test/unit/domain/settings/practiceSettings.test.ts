import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, practiceSettingsSchema, settingsResponseSchema, storedSettingsSchema } from '$lib/domain/settings/practiceSettings';
import { patientNoteText } from '$lib/domain/payment/patientNoteText';
import { localDateTime } from '$lib/domain/dates/localDateTime';

describe('practice settings', () => {
	it('settings saved before issue 6 (mode and order only) read with the new fields at their defaults', () => {
		expect(storedSettingsSchema.parse({ allocationMode: 'post_only', allocationOrder: null })).toEqual({ ...DEFAULT_SETTINGS, allocationMode: 'post_only' });
	});
	it('a cached GET /settings answer without writebackStatuses still parses (older bridge)', () => {
		const parsed = settingsResponseSchema.parse({
			settings: { allocationMode: 'allocate', allocationOrder: null },
			version: 0,
			pms: { name: 'demo', options: { paymentTypes: [], unearnedTypes: [], clinics: [], providers: [], preferences: { prepaymentType: '1', subtractInsuranceEstimates: true, adjustmentsOffsetEachOther: true, clinicsEnabled: false, order: 'oldest_first' }, capabilities: { writableModes: ['allocate'] } } }
		});
		expect(parsed.pms.options?.writebackStatuses).toEqual([]);
		expect(parsed.pms.options?.capabilities.patientNotes).toBe(false);
	});
	it('refuses a staff list with a name twice (any case) or a card number, naming the field', () => {
		const twice = practiceSettingsSchema.safeParse({ ...DEFAULT_SETTINGS, staff: ['Maria', 'maria'] });
		expect(twice.success).toBe(false);
		expect(twice.error?.issues[0]).toMatchObject({ path: ['staff'], message: 'must not list a name twice' });
		const card = practiceSettingsSchema.safeParse({ ...DEFAULT_SETTINGS, staff: ['4111 1111 1111 1111'] });
		expect(card.error?.issues[0]).toMatchObject({ path: ['staff', 0], message: expect.stringMatching(/^looks like a card number/) });
	});
	it('refuses unknown fields (a typo must not pass as a setting)', () => {
		expect(practiceSettingsSchema.safeParse({ ...DEFAULT_SETTINGS, writeback: false }).success).toBe(false);
	});
});

describe('patient note text', () => {
	it('says when, how much, how and the reference', () => {
		expect(patientNoteText({ amount: 8725 as never, method: { kind: 'cash' }, takenBy: 'Maria' }, '2026-11-23 10:04:59', 'Paysplit abc')).toBe('Payment of $87.25 by cash received 2026-11-23 10:04, taken by Maria. Posted to the ledger by Paysplit; ref Paysplit abc.');
	});
	it('for ACH names its reference; without a person says nothing of who', () => {
		expect(patientNoteText({ amount: 100 as never, method: { kind: 'ach', reference: 'ACH-7' } }, '2026-01-02 08:00:00', 'Paysplit x')).toBe('Payment of $1.00 by ACH (ref ACH-7) received 2026-01-02 08:00. Posted to the ledger by Paysplit; ref Paysplit x.');
	});
	it('is dated in the practice’s time zone', () => {
		expect(localDateTime(new Date('2026-11-23T15:04:05Z'), 'America/New_York')).toBe('2026-11-23 10:04:05');
		expect(localDateTime(new Date('2026-07-01T03:00:00Z'), 'America/Los_Angeles')).toBe('2026-06-30 20:00:00');
	});
});
