import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, type LogLevel } from '$lib/server/log/createLogger';

/** A logger writing into an array, as stdout would receive it: each write one chunk. */
function collect(minimum: LogLevel = 'info', pretty = false) {
	const chunks: string[] = [];
	const destination = new Writable({
		write(chunk, _encoding, done) {
			chunks.push(String(chunk));
			done();
		}
	});
	const log = createLogger(minimum, { destination, pretty });
	const lines = () => chunks.join('').split('\n').filter((line) => line !== '');
	return { log, chunks, lines, json: () => lines().map((line) => JSON.parse(line) as Record<string, unknown>) };
}

const PAYMENT_ID = '0190a1b2-c3d4-7e5f-8123-456789012345';

describe('createLogger: structured JSON lines (issue 13)', () => {
	it('writes one JSON object per line with level, ISO time, msg, the service and the paymentId field', () => {
		const { log, chunks, json } = collect();
		log('info', `payment ${PAYMENT_ID} posted to the PMS as 912`, { paymentId: PAYMENT_ID, pmsPaymentId: '912' });
		log('warn', 'the PMS could not be read at start-up');
		expect(chunks).toHaveLength(2);
		for (const chunk of chunks) expect(chunk).toMatch(/^\{.*\}\n$/);
		const [posted, warned] = json();
		expect(posted).toMatchObject({ level: 'info', service: 'paysplit-bridge', msg: `payment ${PAYMENT_ID} posted to the PMS as 912`, paymentId: PAYMENT_ID, pmsPaymentId: '912' });
		expect(posted?.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
		expect(warned).toMatchObject({ level: 'warn', msg: 'the PMS could not be read at start-up' });
	});

	it('writes nothing below LOG_LEVEL', () => {
		const { log, json } = collect('warn');
		log('debug', 'debugging');
		log('info', 'informing');
		log('error', 'failing');
		expect(json().map((line) => line.level)).toEqual(['error']);
	});

	it('redacts fields that can carry patient or card data, at the top and one level down', () => {
		const { log, lines, json } = collect('debug');
		log('debug', 'payment received', { paymentId: PAYMENT_ID, note: 'Mrs Alvarez paid for her son', patientName: 'Maria Alvarez', payment: { note: 'prefers cash', terminalRef: 'T-8812', amount: 4550 } });
		log('warn', 'wrong manager PIN', { req: { headers: { authorization: 'Bearer tok-device-1', 'x-manager-token': 'tok-manager-2', 'x-admin-secret': 'sec-admin-3' } } });
		const [received, refused] = json();
		expect(received).toMatchObject({ paymentId: PAYMENT_ID, note: '[redacted]', patientName: '[redacted]', payment: { note: '[redacted]', terminalRef: '[redacted]', amount: 4550 } });
		expect(refused).toMatchObject({ req: { headers: { authorization: '[redacted]', 'x-manager-token': '[redacted]', 'x-admin-secret': '[redacted]' } } });
		for (const secret of ['Alvarez', 'prefers cash', 'T-8812', 'tok-device-1', 'tok-manager-2', 'sec-admin-3']) expect(lines().join('\n')).not.toContain(secret);
	});

	it('masks a card number in the message and in any string field, and leaves payment ids whole', () => {
		const { log, lines, json } = collect();
		log('warn', `payment ${PAYMENT_ID} refused by the PMS: PayNote "card 4111 1111 1111 1111" is not allowed`, { paymentId: PAYMENT_ID, detail: 'typed 5500-0000-0000-0004 by mistake', nested: { why: ['378282246310005'] } });
		const [line] = json();
		expect(line?.msg).toBe(`payment ${PAYMENT_ID} refused by the PMS: PayNote "card [card number removed]" is not allowed`);
		expect(line?.paymentId).toBe(PAYMENT_ID);
		expect(line?.detail).toBe('typed [card number removed] by mistake');
		expect(line?.nested).toEqual({ why: ['[card number removed]'] });
		expect(lines().join('\n')).not.toMatch(/4111|5500|3782/);
	});

	it('an error in a field keeps its message and stack, masked', () => {
		const { log, json } = collect();
		log('error', 'posting worker step failed', { err: new TypeError('boom near 4111111111111111') });
		const err = json()[0]?.err as { type: string; message: string; stack: string };
		expect(err.type).toBe('TypeError');
		expect(err.message).toBe('boom near [card number removed]');
		expect(err.stack).toContain('boom near [card number removed]');
	});

	it('pretty-printed (a terminal): one readable line per event with the level name and the fields, no JSON object lines', () => {
		const { log, lines } = collect('info', true);
		log('info', 'payment posted', { paymentId: PAYMENT_ID, note: 'private' });
		const [line] = lines();
		expect(line).toMatch(/^\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\] INFO: payment posted \{"paymentId":"0190a1b2-c3d4-7e5f-8123-456789012345","note":"\[redacted\]"\}$/);
	});
});
