import { describe, expect, it } from 'vitest';
import { createRateLimiter, NEXHEALTH_RATE_LIMITS, type RateBucket } from '$lib/server/demo-nexhealth/api/rateLimiter';

/** NexHealth's limits per API key (docs reference/rate-limiting): 100/s; 1,000/min to patients; 2,000/min to the rest. */
function limiter(stepMs: number) {
	let now = 0;
	const limits = createRateLimiter(NEXHEALTH_RATE_LIMITS, () => now);
	return {
		take: (bucket: RateBucket, key = 'k') => {
			now += stepMs;
			return limits.take(key, bucket).ok;
		},
		wait: (ms: number) => void (now += ms)
	};
}
const count = (n: number, take: () => boolean) => Array.from({ length: n }, take).filter(Boolean).length;

describe('NexHealth rate limits', () => {
	it('takes 100 requests in a second and refuses the 101st', () => {
		const l = limiter(0);
		expect(count(100, () => l.take('others'))).toBe(100);
		expect(l.take('others')).toBe(false);
		l.wait(1001);
		expect(l.take('others')).toBe(true);
	});

	it('takes 1,000 patients requests a minute (paced under 100/s), refuses the next, and still takes other endpoints', () => {
		const l = limiter(20);
		expect(count(1000, () => l.take('patients'))).toBe(1000);
		expect(l.take('patients')).toBe(false);
		expect(l.take('others')).toBe(true);
	});

	it('takes 2,000 requests a minute to the other endpoints, then refuses them until the oldest are a minute old', () => {
		const l = limiter(20);
		expect(count(2000, () => l.take('others'))).toBe(2000);
		expect(l.take('others')).toBe(false);
		expect(l.take('patients')).toBe(true);
		l.wait(20_000);
		expect(l.take('others')).toBe(true);
	});

	it('counts each API key on its own, and not the refused requests', () => {
		const l = limiter(0);
		count(100, () => l.take('others', 'a'));
		expect(count(50, () => l.take('others', 'a'))).toBe(0);
		expect(l.take('others', 'b')).toBe(true);
		l.wait(1001);
		expect(count(100, () => l.take('others', 'a'))).toBe(100);
	});
});
