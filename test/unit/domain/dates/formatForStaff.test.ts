import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatTime } from '$lib/domain/dates/formatForStaff';

describe('one date and one time format for staff', () => {
	it('a calendar date is shown as written, whatever the zone', () => {
		expect(formatDate('2026-12-06')).toBe('Dec 6, 2026');
		expect(formatDate('2024-02-29')).toBe('Feb 29, 2024');
	});
	it('an instant is shown in the practice zone, not the device zone', () => {
		// 02:30 UTC on Dec 7 is 9:30 PM on Dec 6 in New York.
		expect(formatTime('2026-12-07T02:30:00Z', 'America/New_York')).toBe('9:30 PM');
		expect(formatDateTime('2026-12-07T02:30:00Z', 'America/New_York')).toBe('Dec 6, 2026, 9:30 PM');
		expect(formatDateTime('2026-12-07T02:30:00Z', 'America/Los_Angeles')).toBe('Dec 6, 2026, 6:30 PM');
	});
	it('a value that is not a date is shown as it is, never "Invalid Date"', () => {
		expect(formatDate('2026-02-30')).toBe('2026-02-30');
		expect(formatTime('soon', 'UTC')).toBe('soon');
	});
});
