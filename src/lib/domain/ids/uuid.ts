import { z } from 'zod';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A UUIDv7 in canonical lower-case form: the payment id, made on the device when staff save. */
export const uuidV7Schema = z.string().regex(UUID_V7, { message: 'must be a UUIDv7 (lower-case, canonical form)' });
export const uuidSchema = z.string().regex(UUID, { message: 'must be a UUID (lower-case, canonical form)' });

/**
 * Formats a UUIDv7 (RFC 9562 §5.7) from a Unix time in milliseconds and 10 random bytes.
 * Pure: the caller supplies the clock and the randomness.
 */
export function formatUuidV7(unixMs: number, random: Uint8Array): string {
	if (!Number.isSafeInteger(unixMs) || unixMs < 0 || unixMs >= 2 ** 48) {
		throw new RangeError(`unixMs ${unixMs} is not a 48-bit millisecond time`);
	}
	if (random.length < 10) throw new RangeError('formatUuidV7 needs 10 random bytes');
	const bytes = new Uint8Array(16);
	let time = unixMs;
	for (let i = 5; i >= 0; i--) {
		bytes[i] = time % 256;
		time = Math.floor(time / 256);
	}
	bytes.set(random.subarray(0, 10), 6);
	bytes[6] = 0x70 | ((bytes[6] ?? 0) & 0x0f); // version 7
	bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f); // variant 10
	const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
