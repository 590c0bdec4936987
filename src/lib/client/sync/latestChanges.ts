import type { ChangesResponse } from '$lib/domain/api/paymentActions';
import { bridgeStatusSchema, type BridgeStatus } from '$lib/domain/payment/PaymentStatus';

export type LatestChange = { status: BridgeStatus; reason: string | undefined };

/**
 * The last change per payment id in one page of the feed (the page is in journal order, so the last
 * one is where the payment stands). A change whose status this device does not know (a newer
 * bridge) is skipped: the payment keeps the last status the device can show.
 */
export function latestChanges(changes: ChangesResponse['changes']): Map<string, LatestChange> {
	const latest = new Map<string, LatestChange>();
	for (const change of changes) {
		const status = bridgeStatusSchema.safeParse(change.status);
		if (status.success) latest.set(change.id, { status: status.data, reason: change.reason });
	}
	return latest;
}
