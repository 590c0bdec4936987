import { describe, expect, it } from 'vitest';
import { processorEventSchema, reportFromProcessorEvent } from '$lib/domain/clearing/processorEvent';
import { parseSignatureHeader, signatureAgeProblem } from '$lib/domain/clearing/processorSignature';

const event = { id: 'evt_1', type: 'payment.settled', reference: ' TRM-1 ', amount: 12500, occurredAt: '2026-11-23T18:00:00Z', fee: 393 };

describe('the processor event body (DESIGN §6)', () => {
	it('becomes a settlement report in cents, with the fee apart and the reference trimmed', () => {
		const parsed = processorEventSchema.parse(event);
		expect(reportFromProcessorEvent(parsed)).toEqual({ source: 'webhook', eventId: 'evt_1', kind: 'settled', reference: 'TRM-1', amountCents: 12500, feeCents: 393, occurredAt: '2026-11-23T18:00:00Z' });
		expect(reportFromProcessorEvent(processorEventSchema.parse({ ...event, type: 'payment.returned', fee: undefined })).feeCents).toBeNull();
	});

	it('ignores fields the processor adds (they cannot make it retry forever)', () => {
		expect(processorEventSchema.safeParse({ ...event, livemode: true }).success).toBe(true);
	});

	it('names each bad field', () => {
		const result = processorEventSchema.safeParse({ id: '', type: 'payment.refunded', reference: 7, amount: 12.5, occurredAt: 'yesterday', fee: -1 });
		expect(result.success).toBe(false);
		if (!result.success) expect(result.error.issues.map((i) => i.path.join('.')).sort()).toEqual(['amount', 'fee', 'id', 'occurredAt', 'reference', 'type']);
	});
});

describe('the Paysplit-Signature header', () => {
	const hex = 'ab'.repeat(32);

	it('reads t and one or more v1 values, ignoring unknown keys', () => {
		expect(parseSignatureHeader(`t=1700000000,v1=${hex},v0=zz,v1=${'CD'.repeat(32)}`)).toEqual({ ok: true, value: { t: 1700000000, v1: [hex, 'cd'.repeat(32)] } });
	});

	it.each([
		[null, 'missing'],
		['', 'missing'],
		[`v1=${hex}`, 'no t='],
		['t=1700000000', 'no v1='],
		[`t=soon,v1=${hex}`, 't "soon"'],
		['t=1700000000,v1=abc', '64 hex digits']
	])('refuses %j, saying what is wrong', (header, message) => {
		const result = parseSignatureHeader(header);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error).toContain(message);
	});

	it('accepts t within 5 minutes either way, and names the skew beyond', () => {
		const now = new Date(1_700_000_000_000);
		expect(signatureAgeProblem(1_700_000_000 - 300, now)).toBeNull();
		expect(signatureAgeProblem(1_700_000_000 + 300, now)).toBeNull();
		expect(signatureAgeProblem(1_700_000_000 - 301, now)).toContain('301 s old');
		expect(signatureAgeProblem(1_700_000_000 + 3600, now)).toContain('3600 s in the future');
	});
});
