import { formatUuidV7 } from '$lib/domain/ids/uuid';

/** A new payment id: a UUIDv7 from this device's clock and its cryptographic random source. */
export function newPaymentId(now: number = Date.now()): string {
	return formatUuidV7(now, crypto.getRandomValues(new Uint8Array(10)));
}
