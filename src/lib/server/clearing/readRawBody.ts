export type RawBody = { ok: true; bytes: Buffer } | { ok: false; status: 400 | 413; code: string; message: string; headers?: Record<string, string> };

/**
 * Reads a request body as the bytes that were sent, refusing (without reading further) anything over
 * `maxBytes`. The processor's signature covers these exact bytes, so they must not be decoded and
 * re-encoded before it is checked.
 */
export async function readRawBody(request: Request, maxBytes: number, what: string): Promise<RawBody> {
	const declared = Number(request.headers.get('content-length') ?? NaN);
	if (Number.isFinite(declared) && declared > maxBytes) return tooLarge(maxBytes, what);
	if (!request.body) return { ok: false, status: 400, code: 'empty_body', message: `The request has no body: send ${what}.` };
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > maxBytes) {
			await reader.cancel().catch(() => undefined);
			return tooLarge(maxBytes, what);
		}
		chunks.push(value);
	}
	return { ok: true, bytes: Buffer.concat(chunks) };
}

function tooLarge(maxBytes: number, what: string): RawBody {
	const limit = maxBytes >= 1_048_576 ? `${Math.round(maxBytes / 1_048_576)} MB` : `${Math.round(maxBytes / 1024)} KB`;
	// The rest of the body is never read, so the connection cannot carry another request: close it.
	return { ok: false, status: 413, code: 'payload_too_large', message: `The body is over ${limit}, the most ${what} may be.`, headers: { connection: 'close' } };
}
