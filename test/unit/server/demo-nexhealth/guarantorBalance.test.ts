import { describe, expect, it } from 'vitest';
import { guarantorBalance } from '$lib/server/demo-nexhealth/guarantorBalance';

const today = '2026-11-23';

describe("a family's balance as guarantor_balances reports it", () => {
	it('is charges plus adjustments plus payments, with open claims taken out of the guarantor portion', () => {
		const balance = guarantorBalance({
			today,
			charges: [
				{ id: 1, date: '2026-11-20', fee: 20_000 },
				{ id: 2, date: '2026-07-01', fee: 10_000 }
			],
			openClaims: [{ estimated: 12_000, writeOff: 3000 }],
			entries: [
				{ date: '2026-07-01', amount: -10_000, chargeId: 2 },
				{ date: '2026-11-21', amount: 5000, chargeId: null }
			]
		});
		expect(balance).toEqual({ total: 25_000, insuranceEstimate: 12_000, writeOffEstimate: 3000, guarantorPortion: 10_000, aging: [25_000, 0, 0, 0] });
	});

	it('ages what is owed by date of service, unapplied credits paying the oldest first', () => {
		const balance = guarantorBalance({
			today,
			charges: [
				{ id: 1, date: '2026-11-10', fee: 1000 }, // 13 days
				{ id: 2, date: '2026-10-01', fee: 2000 }, // 53 days
				{ id: 3, date: '2026-09-01', fee: 3000 }, // 83 days
				{ id: 4, date: '2026-05-01', fee: 4000 } // over 90
			],
			openClaims: [],
			entries: [{ date: '2026-11-22', amount: -5000, chargeId: null }]
		});
		expect(balance.aging).toEqual([1000, 2000, 2000, 0]);
		expect(balance.total).toBe(5000);
	});

	it('shows a credit balance (an overpaid family) in the newest bucket, so the buckets still add up', () => {
		const balance = guarantorBalance({ today, charges: [{ id: 1, date: '2026-01-01', fee: 1000 }], openClaims: [], entries: [{ date: '2026-01-01', amount: -1500, chargeId: 1 }] });
		expect(balance.aging).toEqual([-500, 0, 0, 0]);
		expect(balance.total).toBe(-500);
		expect(balance.guarantorPortion).toBe(-500);
	});
});
