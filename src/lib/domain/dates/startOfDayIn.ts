import { localDateTime } from './localDateTime';

/**
 * The instant a calendar date (YYYY-MM-DD) begins in an IANA time zone: midnight there, or the first
 * moment after it on a day that skips midnight (a daylight-saving change at 00:00). Found by
 * correcting a UTC guess with the zone's offset, twice, since the offset may differ either side.
 */
export function startOfDayIn(date: string, timeZone: string): Date {
	const [y, m, d] = date.split('-').map(Number);
	const midnightUtc = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
	let guess = midnightUtc;
	for (let i = 0; i < 2; i++) guess = midnightUtc - offsetMs(new Date(guess), timeZone);
	// A skipped midnight: the day begins at the first instant whose local date is `date`.
	while (localDateTime(new Date(guess), timeZone).slice(0, 10) < date) guess += 15 * 60_000;
	return new Date(guess);
}

/** How far the zone's wall clock is ahead of UTC at `at`, in ms. */
function offsetMs(at: Date, timeZone: string): number {
	const wall = localDateTime(at, timeZone);
	const asUtc = Date.UTC(Number(wall.slice(0, 4)), Number(wall.slice(5, 7)) - 1, Number(wall.slice(8, 10)), Number(wall.slice(11, 13)), Number(wall.slice(14, 16)), Number(wall.slice(17, 19)));
	return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}
