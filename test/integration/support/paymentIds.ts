import { formatUuidV7 } from '$lib/domain/ids/uuid';
import { randomBytes } from 'node:crypto';

let last = Date.now();
/** A fresh UUIDv7, as a device would make when staff save a payment. */
export function paymentId(): string {
	last = Math.max(last + 1, Date.now());
	return formatUuidV7(last, randomBytes(10));
}
