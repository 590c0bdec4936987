/**
 * NexHealth's rate limits, per API key (docs.nexhealth.com/reference/rate-limiting): 100 requests a
 * second; 1,000 a minute to the patients (and appointments) endpoints; 2,000 a minute to all others.
 * Over a limit the answer is 429 ("Please be prepared to handle 429s via sleep and retry"); no
 * rate-limit headers are documented, so none are sent. Sliding windows over the last second and
 * minute; a refused request does not count, so a caller that backs off gets back in.
 */
export type RateLimits = { perSecond: number; patientsPerMinute: number; othersPerMinute: number };
export const NEXHEALTH_RATE_LIMITS: RateLimits = { perSecond: 100, patientsPerMinute: 1000, othersPerMinute: 2000 };

export type RateBucket = 'patients' | 'others';

/** `nowMs` is a monotonic clock in milliseconds (performance.now), apart from the demo's calendar clock. */
export function createRateLimiter(limits: RateLimits, nowMs: () => number) {
	const seen = new Map<string, { second: number[]; patients: number[]; others: number[] }>();
	const trim = (times: number[], since: number) => {
		let drop = 0;
		while (drop < times.length && (times[drop] ?? 0) <= since) drop++;
		if (drop > 0) times.splice(0, drop);
	};
	return {
		/** Counts a request of `apiKey` to `bucket`, or says which limit it is over. */
		take(apiKey: string, bucket: RateBucket): { ok: true } | { ok: false; limit: string } {
			const now = nowMs();
			let entry = seen.get(apiKey);
			if (!entry) seen.set(apiKey, (entry = { second: [], patients: [], others: [] }));
			trim(entry.second, now - 1000);
			trim(entry.patients, now - 60_000);
			trim(entry.others, now - 60_000);
			if (entry.second.length >= limits.perSecond) return { ok: false, limit: `${limits.perSecond} requests per second` };
			const minute = entry[bucket];
			const perMinute = bucket === 'patients' ? limits.patientsPerMinute : limits.othersPerMinute;
			if (minute.length >= perMinute) return { ok: false, limit: `${perMinute} requests per minute to ${bucket === 'patients' ? 'the patients endpoints' : 'these endpoints'}` };
			entry.second.push(now);
			minute.push(now);
			return { ok: true };
		}
	};
}
export type RateLimiter = ReturnType<typeof createRateLimiter>;
