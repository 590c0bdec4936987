/**
 * Exponential backoff with full jitter, capped: attempt 1 waits up to `baseMs`, each later attempt
 * up to twice as long, never more than `maxMs`. `random` is in [0, 1).
 */
export function retryDelay(attempt: number, random: number, baseMs = 2_000, maxMs = 5 * 60_000): number {
	const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
	return Math.round(ceiling / 2 + (ceiling / 2) * random);
}
