/** The backoff's defaults: about 2 s after the first failure, never more than 5 minutes (issue 4). */
export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_CAP_MS = 5 * 60_000;

/**
 * How long to wait after the `failures`-th failure in a row: exponential with full jitter (a random
 * time up to base·2^(failures−1), capped), so that tablets that lost the bridge together do not all
 * come back in the same second. `random` is in [0, 1). Never under 100 ms, to stay off a hot loop.
 */
export function backoffDelay(failures: number, random: () => number, base = BACKOFF_BASE_MS, cap = BACKOFF_CAP_MS): number {
	const exponent = Math.max(0, Math.min(failures - 1, 30));
	const ceiling = Math.min(cap, base * 2 ** exponent);
	return Math.max(100, Math.floor(random() * ceiling));
}
