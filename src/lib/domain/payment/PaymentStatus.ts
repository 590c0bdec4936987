import { z } from 'zod';

/**
 * Every status a payment can have (DESIGN §2). `queued` and `rejected` exist only on the device;
 * the rest are the bridge's.
 */
export const DEVICE_STATUSES = ['queued', 'rejected'] as const;
export const BRIDGE_STATUSES = [
	'accepted',
	'awaiting_clearing',
	'cleared',
	'posting',
	'submitted',
	'posted',
	'verified',
	'needs_attention',
	'recorded',
	'posted_manually',
	'voided'
] as const;

export const paymentStatusSchema = z.enum([...DEVICE_STATUSES, ...BRIDGE_STATUSES]);
export type PaymentStatus = z.infer<typeof paymentStatusSchema>;

export const bridgeStatusSchema = z.enum(BRIDGE_STATUSES);
export type BridgeStatus = z.infer<typeof bridgeStatusSchema>;

/** Statuses after which nothing more happens to a payment. */
export function isFinalStatus(status: PaymentStatus): boolean {
	switch (status) {
		case 'verified':
		case 'posted_manually':
		case 'voided':
			return true;
		case 'queued':
		case 'rejected':
		case 'accepted':
		case 'awaiting_clearing':
		case 'cleared':
		case 'posting':
		case 'submitted':
		case 'posted':
		case 'needs_attention':
		case 'recorded':
			return false;
		default:
			return assertNever(status);
	}
}

/** Plain-language label for staff; `emr` names the system behind the PMS connection where it matters ("Dentrix"). */
export function statusLabel(status: PaymentStatus, emr = 'the PMS'): string {
	switch (status) {
		case 'queued':
			return 'Waiting to sync';
		case 'rejected':
			return 'Refused by the bridge';
		case 'accepted':
			return 'Received by the bridge';
		case 'awaiting_clearing':
			return 'Waiting for the bank';
		case 'cleared':
			return 'Cleared';
		case 'posting':
			return 'Posting to the ledger';
		case 'submitted':
			return `Sent, waiting for ${emr} to take it`;
		case 'posted':
			return 'Posted to the ledger';
		case 'verified':
			return 'In the ledger (verified)';
		case 'needs_attention':
			return 'Needs attention';
		case 'recorded':
			return 'To post by hand';
		case 'posted_manually':
			return 'Posted by hand';
		case 'voided':
			return 'Voided';
		default:
			return assertNever(status);
	}
}

export function assertNever(value: never): never {
	throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
