import { z } from 'zod';
import { plainText, requiredText } from '../text/plainText';

/** One-time pairing codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L). */
export const PAIRING_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const PAIRING_CODE_LENGTH = 8;

/** Accepts what staff type: any case, spaces or a dash between the halves. */
export function normalizePairingCode(text: string): string {
	return text.toUpperCase().replace(/[\s-]/g, '');
}

export const pairRequestSchema = z.strictObject({
	code: plainText({ max: 32, cardNumbers: 'allow' })
		.transform(normalizePairingCode)
		.refine((code) => code.length === PAIRING_CODE_LENGTH && [...code].every((c) => PAIRING_CODE_ALPHABET.includes(c)), {
			message: `must be the ${PAIRING_CODE_LENGTH}-character pairing code printed by the bridge`
		}),
	/** The device's name, e.g. "Front desk 1". */
	name: requiredText(80)
});
export type PairRequest = z.infer<typeof pairRequestSchema>;

export const pairResponseSchema = z.object({ deviceId: z.string(), token: z.string().min(32) });
export type PairResponse = z.infer<typeof pairResponseSchema>;

/** Shown when a code is written for people: "ABCD-EFGH". */
export function displayPairingCode(code: string): string {
	return `${code.slice(0, 4)}-${code.slice(4)}`;
}
