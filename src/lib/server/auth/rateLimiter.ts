/**
 * Counts failures per key in a sliding window; `blocked` once a key has `max` failures within
 * `windowMs`. In memory: a restart forgives, which is acceptable for codes that expire in minutes.
 */
export function createRateLimiter(options: { max: number; windowMs: number; now: () => number }) {
	const failures = new Map<string, number[]>();
	const recent = (key: string) => {
		const since = options.now() - options.windowMs;
		const kept = (failures.get(key) ?? []).filter((t) => t > since);
		if (kept.length > 0) failures.set(key, kept);
		else failures.delete(key);
		return kept;
	};
	return {
		blocked: (key: string) => recent(key).length >= options.max,
		fail: (key: string) => failures.set(key, [...recent(key), options.now()]),
		retryAfterSeconds: (key: string) => {
			const oldest = recent(key)[0];
			return oldest === undefined ? 0 : Math.max(1, Math.ceil((oldest + options.windowMs - options.now()) / 1000));
		}
	};
}
export type RateLimiter = ReturnType<typeof createRateLimiter>;
