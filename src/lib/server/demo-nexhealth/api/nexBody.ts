import { readRawBody } from '../../clearing/readRawBody';
import { nexError } from './nexResponse';

/** A write's body is small: a payment with a thousand charge splits is about 40 KB. */
export const MAX_NEX_BODY_BYTES = 256 * 1024;

/**
 * A JSON object body, read and parsed at the door: `Content-Type: application/json`, at most
 * MAX_NEX_BODY_BYTES, well-formed UTF-8. Every refusal is a 400 in NexHealth's envelope (the
 * document lists 400 for a malformed request and no 413 or 415); nothing is written until the
 * caller has its value.
 */
export async function readNexJson(request: Request): Promise<Record<string, unknown> | Response> {
	if (!/^application\/json\s*(;|$)/i.test(request.headers.get('content-type') ?? '')) return nexError(400, 'The body must be JSON, sent with Content-Type: application/json');
	let bytes: Buffer;
	try {
		const raw = await readRawBody(request, MAX_NEX_BODY_BYTES, 'a NexHealth request');
		if (!raw.ok) return nexError(400, raw.message);
		bytes = raw.bytes;
	} catch {
		return nexError(400, 'The body could not be read to its end');
	}
	let value: unknown;
	try {
		value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
	} catch {
		return nexError(400, 'The body is not JSON in UTF-8');
	}
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return nexError(400, 'The body must be a JSON object');
	return value as Record<string, unknown>;
}
