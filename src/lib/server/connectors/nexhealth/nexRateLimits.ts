/**
 * NexHealth's published rate limits, per API key (docs.nexhealth.com/v2.2.2/reference/rate-limiting):
 * 100 requests a second; 1,000 a minute to the patients (and appointments) endpoints; 2,000 a minute
 * to all others. No rate-limit headers are documented. The client keeps under them itself (this
 * pacer), and when NexHealth answers 429 anyway (another program using the same key) it waits and
 * asks again (nexhealthClient): a rate limit never fails a payment.
 */
export type NexRateLimits = { perSecond: number; patientsPerMinute: number; othersPerMinute: number };
export const NEXHEALTH_RATE_LIMITS: NexRateLimits = { perSecond: 100, patientsPerMinute: 1000, othersPerMinute: 2000 };

type NexRateBucket = 'patients' | 'others';

/** Which per-minute limit a path counts against. */
export function nexRateBucket(path: string): NexRateBucket {
	return /^\/(patients|appointments)(\/|$)/.test(path) ? 'patients' : 'others';
}

/**
 * Sliding windows over the last second and minute of requests sent; `take` waits (with the injected
 * `sleep`) until one more request fits. `nowMs` is the injected clock.
 */
export function createNexPacer(limits: NexRateLimits, nowMs: () => number, sleep: (ms: number) => Promise<void>) {
	const sent = { second: [] as number[], patients: [] as number[], others: [] as number[] };
	const trim = (times: number[], since: number) => {
		let drop = 0;
		while (drop < times.length && (times[drop] ?? 0) <= since) drop++;
		if (drop > 0) times.splice(0, drop);
	};
	return {
		async take(bucket: NexRateBucket): Promise<void> {
			for (;;) {
				const now = nowMs();
				trim(sent.second, now - 1000);
				trim(sent[bucket], now - 60_000);
				const perMinute = bucket === 'patients' ? limits.patientsPerMinute : limits.othersPerMinute;
				let until = now;
				if (sent.second.length >= limits.perSecond) until = Math.max(until, (sent.second[0] ?? now) + 1000);
				if (sent[bucket].length >= perMinute) until = Math.max(until, (sent[bucket][0] ?? now) + 60_000);
				if (until <= now) {
					sent.second.push(now);
					sent[bucket].push(now);
					return;
				}
				await sleep(until - now);
			}
		}
	};
}
