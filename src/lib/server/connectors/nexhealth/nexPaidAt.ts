import { localDateTime } from '$lib/domain/dates/localDateTime';

/**
 * A payment's `paid_at` for NexHealth: its payDate at 12:00 in the practice's zone, with that zone's
 * offset ("2026-11-23T12:00:00-05:00"). NexHealth reads `paid_at` back as "the UTC date payment was
 * made"; noon local is the same date in UTC for every zone from UTC−11 to UTC+11, and is never
 * skipped or doubled by a daylight-saving change (those happen at night).
 */
export function nexPaidAt(payDate: string, timeZone: string): string {
	const [y, m, d] = payDate.split('-').map(Number);
	const noonUtc = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12);
	let offset = offsetMs(new Date(noonUtc), timeZone);
	// The offset at noon local, not at noon UTC (they differ on a day the clocks change between them).
	offset = offsetMs(new Date(noonUtc - offset), timeZone);
	const minutes = Math.round(offset / 60_000);
	const sign = minutes < 0 ? '-' : '+';
	const abs = Math.abs(minutes);
	return `${payDate}T12:00:00${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** How far the zone's wall clock is ahead of UTC at `at`, in ms. */
function offsetMs(at: Date, timeZone: string): number {
	const wall = localDateTime(at, timeZone);
	const asUtc = Date.UTC(Number(wall.slice(0, 4)), Number(wall.slice(5, 7)) - 1, Number(wall.slice(8, 10)), Number(wall.slice(11, 13)), Number(wall.slice(14, 16)), Number(wall.slice(17, 19)));
	return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}
