import { describe, expect, it } from 'vitest';
import { isIsoDate } from '$lib/domain/dates/isoDate';
import { todayIn } from '$lib/domain/dates/todayIn';
import { startOfDayIn } from '$lib/domain/dates/startOfDayIn';

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

describe('startOfDayIn: when a date begins in a time zone', () => {
	it('is local midnight, in and out of daylight saving time', () => {
		expect(startOfDayIn('2026-12-07', 'America/New_York').toISOString()).toBe('2026-12-07T05:00:00.000Z');
		expect(startOfDayIn('2026-07-04', 'America/New_York').toISOString()).toBe('2026-07-04T04:00:00.000Z');
		expect(startOfDayIn('2026-12-07', 'Pacific/Kiritimati').toISOString()).toBe('2026-12-06T10:00:00.000Z');
		expect(startOfDayIn('2026-12-07', 'UTC').toISOString()).toBe('2026-12-07T00:00:00.000Z');
	});

	it('on a day whose midnight is skipped (Santiago springs forward at 00:00), the first moment of the day', () => {
		const start = startOfDayIn('2026-09-06', 'America/Santiago');
		expect(todayIn('America/Santiago', start)).toBe('2026-09-06');
		expect(todayIn('America/Santiago', new Date(start.getTime() - 1))).toBe('2026-09-05');
	});
});
