import { describe, expect, it } from 'vitest';
import { pendingCredits } from '$lib/client/allocation/previewInput';
import type { PaymentRow } from '$lib/client/db/rows';
import type { PaymentStatus } from '$lib/domain/payment/PaymentStatus';

const row = (id: string, status: PaymentStatus, updatedAt = '2026-11-23T15:00:00.000Z', patientId = '1'): PaymentRow => ({
	id,
	status,
	updatedAt,
	intent: { id, patientId, amount: 1000 as never, method: { kind: 'cash' }, payDate: '2026-11-23', takenAt: '2026-11-23T14:00:00.000Z' }
});

describe('pendingCredits', () => {
	const family = new Set(['1', '2']);
	it('counts payments the ledger copy cannot show yet, and only those', () => {
		const rows = [
			row('queued', 'queued'),
			row('accepted', 'accepted'),
			row('waiting', 'awaiting_clearing'),
			row('attention', 'needs_attention'),
			row('rejected', 'rejected'),
			row('voided', 'voided'),
			row('posted-after-copy', 'posted', '2026-11-23T15:00:00.000Z'),
			row('posted-before-copy', 'posted', '2026-11-23T12:00:00.000Z'),
			row('other-family', 'queued', undefined, '9')
		];
		expect(pendingCredits(rows, family, '2026-11-23T13:00:00.000Z').map((c) => c.id)).toEqual(['queued', 'accepted', 'waiting', 'attention', 'posted-after-copy']);
	});
});
