import { createHmac, timingSafeEqual } from 'node:crypto';
import { parseSignatureHeader, signatureAgeProblem, SIGNATURE_HEADER } from '$lib/domain/clearing/processorSignature';
import { err, ok, type Result } from '$lib/domain/result';

/**
 * Checks `Paysplit-Signature` (DESIGN §6): an HMAC-SHA256, keyed with PROCESSOR_WEBHOOK_SECRET, of
 * "<t>.<raw body>", compared in constant time so that the answer's timing says nothing about the
 * right signature; then `t` within 5 minutes of the bridge's clock, so a recorded event cannot be
 * replayed later. The signature is checked first: only a genuine sender learns about its clock.
 */
export function verifyProcessorSignature(secret: string, header: string | null, rawBody: Uint8Array, now: Date): Result<{ t: number }, string> {
	const parsed = parseSignatureHeader(header);
	if (!parsed.ok) return parsed;
	const { t, v1 } = parsed.value;
	const expected = processorHmac(secret, t, rawBody);
	const matches = v1.some((candidate) => timingSafeEqual(Buffer.from(candidate, 'hex'), expected));
	if (!matches) return err(`The ${SIGNATURE_HEADER} does not match this body: the processor must sign "<t>.<raw body>" with HMAC-SHA256 and the secret set as PROCESSOR_WEBHOOK_SECRET.`);
	const age = signatureAgeProblem(t, now);
	if (age) return err(age);
	return ok({ t });
}

/** The header a processor (or a test, or a script replaying an event) sends with `rawBody` at time `t`. */
export function signProcessorEvent(secret: string, t: number, rawBody: string | Uint8Array): string {
	return `t=${t},v1=${processorHmac(secret, t, typeof rawBody === 'string' ? Buffer.from(rawBody) : rawBody).toString('hex')}`;
}

function processorHmac(secret: string, t: number, rawBody: Uint8Array): Buffer {
	return createHmac('sha256', secret).update(`${t}.`).update(rawBody).digest();
}
