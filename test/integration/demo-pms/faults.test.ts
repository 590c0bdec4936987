import { describe, expect, it } from 'vitest';
import { createFaults, faultPlanSchema } from '$lib/server/demo-pms/faults';

function hits(plan: unknown, requests: [string, string][]) {
	const faults = createFaults();
	faults.set(faultPlanSchema.parse(plan));
	return requests.map(([method, path]) => faults.take(method, path)?.kind ?? null);
}
const many = (n: number, method = 'POST', path = '/payments'): [string, string][] => Array.from({ length: n }, () => [method, path]);

describe('demo PMS fault plans', () => {
	it('a fault without a rate hits the next matching request, `times` times, then is spent', () => {
		expect(hits({ faults: [{ on: 'POST /payments', kind: 'error500', times: 2 }] }, [['GET', '/payments'], ...many(3)])).toEqual([null, 'error500', 'error500', null]);
		expect(hits({ faults: [{ on: '*', kind: 'refuse' }] }, [['GET', '/patients'], ['GET', '/patients']])).toEqual(['refuse', null]);
	});

	it('a fault with a rate hits about that share of matching requests, without end, the same way for the same seed', () => {
		const plan = { seed: 7, faults: [{ on: 'POST /payments', kind: 'drop_after_commit', rate: 0.3 }] };
		const first = hits(plan, many(10_000));
		const share = first.filter((k) => k === 'drop_after_commit').length / first.length;
		expect(share).toBeGreaterThan(0.28);
		expect(share).toBeLessThan(0.32);
		expect(hits(plan, many(10_000))).toEqual(first);
		expect(hits({ ...plan, seed: 8 }, many(10_000))).not.toEqual(first);
		expect(hits(plan, many(100, 'GET')).every((k) => k === null)).toBe(true);
	});

	it('faults are tried in order: 10% answered 500, and 30% of the rest dropped after committing', () => {
		const kinds = hits({ faults: [{ on: '*', kind: 'error500', rate: 0.1 }, { on: 'POST /payments', kind: 'drop_after_commit', rate: 0.3 }] }, many(20_000));
		const count = (kind: string) => kinds.filter((k) => k === kind).length / kinds.length;
		expect(count('error500')).toBeGreaterThan(0.09);
		expect(count('error500')).toBeLessThan(0.11);
		expect(count('drop_after_commit')).toBeGreaterThan(0.25);
		expect(count('drop_after_commit')).toBeLessThan(0.29);
	});

	it('a rate with `times` stops after that many hits, and the plan read back shows what is left', () => {
		const faults = createFaults();
		faults.set(faultPlanSchema.parse({ faults: [{ on: '*', kind: 'error500', rate: 0.5, times: 3 }, { on: '*', kind: 'refuse', rate: 1 }] }));
		const kinds = many(50).map(([m, p]) => faults.take(m, p)?.kind);
		expect(kinds.filter((k) => k === 'error500')).toHaveLength(3);
		expect(faults.get().faults).toEqual([{ on: '*', kind: 'refuse', rate: 1, times: undefined }]);
	});

	it('refuses rates outside (0, 1] with the field named', () => {
		for (const rate of [0, -0.1, 1.5]) {
			const parsed = faultPlanSchema.safeParse({ faults: [{ on: '*', kind: 'error500', rate }] });
			expect(parsed.success).toBe(false);
			expect(parsed.error?.issues[0]?.path).toEqual(['faults', 0, 'rate']);
		}
	});
});
