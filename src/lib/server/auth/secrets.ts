import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { PAIRING_CODE_ALPHABET, PAIRING_CODE_LENGTH } from '$lib/domain/api/devicePairing';

/** A bearer token for a device: 256 random bits, URL-safe. Shown once; only its hash is stored. */
export function newDeviceToken(): string {
	return randomBytes(32).toString('base64url');
}

/**
 * SHA-256 is enough for tokens and one-time codes: they are long random values (or short-lived and
 * rate-limited), not passwords a person chose, so there is nothing for a slow hash to protect.
 */
export function hashSecret(secret: string): string {
	return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function sameSecret(a: string, b: string): boolean {
	const left = Buffer.from(a, 'utf8');
	const right = Buffer.from(b, 'utf8');
	return left.length === right.length && timingSafeEqual(left, right);
}

/** A pairing code from an alphabet without look-alikes, chosen without modulo bias. */
export function newPairingCode(): string {
	let code = '';
	while (code.length < PAIRING_CODE_LENGTH) {
		for (const byte of randomBytes(16)) {
			// 248 = 8 × 31: bytes at or above it would favour the first letters.
			if (byte < 248 && code.length < PAIRING_CODE_LENGTH) code += PAIRING_CODE_ALPHABET[byte % PAIRING_CODE_ALPHABET.length];
		}
	}
	return code;
}
