import { err, ok, type Result } from '../result';

/** How far the signed timestamp may be from the bridge's clock (DESIGN §6: "t within 5 minutes"). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;
export const SIGNATURE_HEADER = 'Paysplit-Signature';

export type SignatureHeader = { t: number; v1: string[] };

/**
 * Reads `Paysplit-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>` (DESIGN §6). Several `v1` values
 * are allowed, as Stripe's scheme has, so a processor can sign with an old and a new secret while the
 * secret is being changed; unknown keys are ignored for the same reason.
 */
export function parseSignatureHeader(header: string | null): Result<SignatureHeader, string> {
	if (header === null || header.trim() === '') return err(`The ${SIGNATURE_HEADER} header is missing: every processor event must be signed.`);
	let t: number | null = null;
	const v1: string[] = [];
	for (const part of header.split(',')) {
		const eq = part.indexOf('=');
		if (eq < 0) continue;
		const key = part.slice(0, eq).trim();
		const value = part.slice(eq + 1).trim();
		if (key === 't') {
			if (!/^\d{1,12}$/.test(value)) return err(`${SIGNATURE_HEADER} t "${value}" is not a time in whole unix seconds.`);
			t = Number(value);
		} else if (key === 'v1') {
			if (!/^[0-9a-f]{64}$/i.test(value)) return err(`${SIGNATURE_HEADER} v1 is not a hex HMAC-SHA256 (64 hex digits).`);
			v1.push(value.toLowerCase());
		}
	}
	if (t === null) return err(`${SIGNATURE_HEADER} has no t=<unix seconds>.`);
	if (v1.length === 0) return err(`${SIGNATURE_HEADER} has no v1=<hex HMAC-SHA256>.`);
	return ok({ t, v1 });
}

/** Null when `t` is within the tolerance of `now`; otherwise why not, naming both clocks. */
export function signatureAgeProblem(t: number, now: Date): string | null {
	const skew = Math.round(now.getTime() / 1000) - t;
	if (Math.abs(skew) <= SIGNATURE_TOLERANCE_SECONDS) return null;
	return `The signature's time t=${t} is ${Math.abs(skew)} s ${skew > 0 ? 'old' : 'in the future'}; the bridge accepts ±${SIGNATURE_TOLERANCE_SECONDS} s (a replayed event, or a clock that needs setting).`;
}
