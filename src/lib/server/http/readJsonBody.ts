import { MAX_BODY_BYTES } from '$lib/domain/api/paymentsBatch';

export type BodyResult = { ok: true; value: unknown } | { ok: false; status: 400 | 413 | 415; code: string; message: string; headers?: Record<string, string> };

/**
 * Reads a JSON request body, refusing (without reading further) anything over `maxBytes`, and
 * anything that is not JSON.
 */
export async function readJsonBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<BodyResult> {
	const type = request.headers.get('content-type') ?? '';
	if (!/^application\/json\b/i.test(type)) {
		return { ok: false, status: 415, code: 'unsupported_media_type', message: `The body must be JSON (Content-Type: application/json), not "${type || 'none'}".` };
	}
	const declared = Number(request.headers.get('content-length') ?? NaN);
	if (Number.isFinite(declared) && declared > maxBytes) return tooLarge(maxBytes);
	if (!request.body) return { ok: false, status: 400, code: 'invalid_json', message: 'The request has no body.' };
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > maxBytes) {
			await reader.cancel().catch(() => undefined);
			return tooLarge(maxBytes);
		}
		chunks.push(value);
	}
	const text = new TextDecoder().decode(Buffer.concat(chunks));
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch (error) {
		return { ok: false, status: 400, code: 'invalid_json', message: `The body is not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
	}
}

function tooLarge(maxBytes: number): BodyResult {
	// The rest of the body is never read, so the connection cannot carry another request: close it.
	return { ok: false, status: 413, code: 'payload_too_large', message: `The body is over ${Math.round(maxBytes / 1024)} KB; send fewer payments per request.`, headers: { connection: 'close' } };
}
