/** Adds days to a YYYY-MM-DD date (calendar days, computed in UTC so no time zone shifts them). */
export function addDays(date: string, days: number): string {
	const [y, m, d] = date.split('-').map(Number);
	const t = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) + days * 86_400_000;
	return new Date(t).toISOString().slice(0, 10);
}
