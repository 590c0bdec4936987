import { describe, expect, it } from 'vitest';
import { practiceDay } from '../../support/practiceDay';

describe('practiceDay: payment dates for tests, by the practice\'s day', () => {
	// 23:30 in New York on 2026-12-05 is 04:30 on 2026-12-06 in UTC: the evening hours when dating by
	// the UTC day made the suite red.
	const lateEvening = new Date('2026-12-06T04:30:00Z');

	it('is the practice\'s date at 23:30 in New York, not the UTC date', () => {
		expect(practiceDay(0, lateEvening, 'America/New_York')).toBe('2026-12-05');
		expect(lateEvening.toISOString().slice(0, 10)).toBe('2026-12-06');
	});

	it('counts days back and ahead from the practice\'s today, across a month end', () => {
		expect(practiceDay(-5, lateEvening, 'America/New_York')).toBe('2026-11-30');
		expect(practiceDay(1, lateEvening, 'America/New_York')).toBe('2026-12-06');
	});

	it('follows the zone it is given (a practice east of UTC is already on the next day)', () => {
		expect(practiceDay(0, new Date('2026-12-06T12:30:00Z'), 'Pacific/Kiritimati')).toBe('2026-12-07');
	});
});
