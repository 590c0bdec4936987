import { describe, expect, it } from 'vitest';
import { signProcessorEvent, verifyProcessorSignature } from '$lib/server/clearing/verifyProcessorSignature';

const SECRET = 'whsec_test_0123456789abcdef';
const body = Buffer.from('{"id":"evt_1","type":"payment.settled"}');
const now = new Date(1_795_000_000_000);
const t = 1_795_000_000;

describe('verifyProcessorSignature', () => {
	it('accepts the HMAC-SHA256 of "<t>.<raw body>" made with the shared secret', () => {
		expect(verifyProcessorSignature(SECRET, signProcessorEvent(SECRET, t, body), body, now)).toEqual({ ok: true, value: { t } });
	});

	it('accepts any one of several v1 values (while the secret is being changed)', () => {
		const old = signProcessorEvent('another-secret-000000', t, body).split(',')[1];
		expect(verifyProcessorSignature(SECRET, `${signProcessorEvent(SECRET, t, body)},${old}`, body, now).ok).toBe(true);
	});

	it.each([
		['another secret', signProcessorEvent('another-secret-000000', t, body), body],
		['a changed body', signProcessorEvent(SECRET, t, body), Buffer.from('{"id":"evt_1","type":"payment.settled" }')],
		['a changed timestamp', signProcessorEvent(SECRET, t, body).replace(`t=${t}`, `t=${t + 1}`), body]
	])('refuses a signature made with %s', (_label, header, sent) => {
		const result = verifyProcessorSignature(SECRET, header, sent, now);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error).toContain('does not match this body');
	});

	it('refuses a genuine signature older or newer than 5 minutes', () => {
		const stale = verifyProcessorSignature(SECRET, signProcessorEvent(SECRET, t - 301, body), body, now);
		expect(stale.ok === false && stale.error).toContain('301 s old');
		expect(verifyProcessorSignature(SECRET, signProcessorEvent(SECRET, t + 301, body), body, now).ok).toBe(false);
		expect(verifyProcessorSignature(SECRET, signProcessorEvent(SECRET, t - 299, body), body, now).ok).toBe(true);
	});
});
