import { describe, expect, it } from 'vitest';
import { isIsoDate } from '$lib/domain/dates/isoDate';
import { todayIn } from '$lib/domain/dates/todayIn';

describe('isIsoDate', () => {
	it.each(['2024-02-29', '2026-11-23', '2000-02-29'])('accepts %s', (d) => expect(isIsoDate(d)).toBe(true));
	it.each(['2026-02-29', '1900-02-29', '2026-13-01', '2026-04-31', '2026-1-5', '20261123', '', '2026-11-23T00:00:00Z'])('refuses %s', (d) => expect(isIsoDate(d)).toBe(false));
});

describe('todayIn', () => {
	it('is the calendar date in the practice zone, not UTC', () => {
		const lateEvening = new Date('2026-11-24T03:30:00Z'); // 22:30 on the 23rd in New York
		expect(todayIn('America/New_York', lateEvening)).toBe('2026-11-23');
		expect(todayIn('UTC', lateEvening)).toBe('2026-11-24');
	});
});
