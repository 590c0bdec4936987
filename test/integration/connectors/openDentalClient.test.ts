import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createOpenDentalClient } from '$lib/server/connectors/opendental/openDentalClient';

/** A fake Open Dental that answers each request with the next of `answers` (a status, or 'reset' for a dropped connection). */
function fakeOpenDental(answers: (number | 'reset')[]) {
	const calls: string[] = [];
	const pauses: number[] = [];
	const client = createOpenDentalClient({
		baseUrl: 'http://od.test/api/v1',
		developerKey: 'd',
		customerKey: 'c',
		timeoutMs: 5_000,
		pause: async (ms) => void pauses.push(ms),
		fetch: async (url, init) => {
			calls.push(`${init?.method} ${url}`);
			const answer = answers.shift() ?? 200;
			if (answer === 'reset') throw new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
			return new Response(answer === 200 ? JSON.stringify([{ PatNum: 1 }]) : '"Internal error"', { status: answer });
		}
	});
	return { client, calls, pauses };
}
const rows = z.array(z.object({ PatNum: z.number() }));

describe('Open Dental client: reads that fail fast are tried again, writes never', () => {
	it('a read answered 500, then reset, then 200 succeeds on the third try, after two short pauses', async () => {
		const od = fakeOpenDental([500, 'reset', 200]);
		const result = await od.client.call('GET', '/patients', rows);
		expect(result).toEqual({ ok: true, value: [{ PatNum: 1 }] });
		expect(od.calls).toHaveLength(3);
		expect(od.pauses).toHaveLength(2);
		for (const ms of od.pauses) expect(ms).toBeLessThan(400);
	});

	it('a read failing three times in a row fails as unreachable, with the last message', async () => {
		const od = fakeOpenDental([500, 500, 503, 200]);
		const result = await od.client.call('GET', '/patients', rows);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.failure).toMatchObject({ kind: 'unreachable', status: 503 });
		expect(od.calls).toHaveLength(3);
	});

	it('a write answered 500 is not retried: its outcome is unknown, for the pipeline to read back', async () => {
		const od = fakeOpenDental([500, 200]);
		const result = await od.client.call('POST', '/payments', z.unknown(), { PayAmt: 1 });
		expect(!result.ok && result.failure.kind).toBe('unknown');
		expect(od.calls).toEqual(['POST http://od.test/api/v1/payments']);
	});

	it('a read refused (400) or unauthorized (401) is not retried', async () => {
		for (const status of [400, 401]) {
			const od = fakeOpenDental([status, 200]);
			expect((await od.client.call('GET', '/patients', rows)).ok).toBe(false);
			expect(od.calls).toHaveLength(1);
		}
	});
});
