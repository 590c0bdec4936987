/** The calendar date (YYYY-MM-DD) at instant `now` in an IANA time zone: the practice's "today". */
export function todayIn(timeZone: string, now: Date): string {
	const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
	const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
	return `${get('year')}-${get('month')}-${get('day')}`;
}
