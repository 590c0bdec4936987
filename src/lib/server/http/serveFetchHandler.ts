import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export type FetchHandler = (request: Request) => Promise<Response>;

/** Open Dental's "The JSON body can be at most 16.8M characters": 16 MiB (docs/opendental-api-reference.md §0). */
const MAX_BODY = 16 * 1024 * 1024;

/** A host name, IPv4 or bracketed IPv6 address, and an optional port: nothing that could move the path. */
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;

/**
 * A plain Node HTTP server around a Fetch API handler (Request → Response), for the pieces that run
 * outside SvelteKit: the stand-alone demo PMS, and test doubles of a PMS.
 *
 * Whatever a client sends, the answer is the handler's or a 4xx, never a 500 of this adapter's own
 * and never a crash (issue 13): a body over `maxBodyBytes` gets 413 before the handler runs (and
 * the connection is closed, the rest unread); a Host or request target that is not one, or a method
 * a Fetch Request cannot carry (TRACE), gets 400 or 405; a client that leaves mid-body or
 * mid-answer gets nothing, as there is no one to answer. A handler that throws is a bug: 500 is the
 * last resort for that alone.
 */
export function serveFetchHandler(handler: FetchHandler, options: { maxBodyBytes?: number } = {}): Server {
	const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY;
	return createServer((req, res) => {
		void respond(handler, req, res, maxBodyBytes);
	});
}

async function respond(handler: FetchHandler, req: IncomingMessage, res: ServerResponse, maxBodyBytes: number): Promise<void> {
	// Writing to a client that has gone is not an error worth an 'error' event nobody listens to.
	res.on('error', () => undefined);
	const body = await readBody(req, maxBodyBytes);
	if (body === 'aborted') return;
	if (body === 'too_large') {
		answer(res, 413, `The request body is over ${Math.round(maxBodyBytes / 1_048_576)} MB.`, { connection: 'close' });
		return;
	}
	const request = toRequest(req, body);
	if (!(request instanceof Request)) {
		answer(res, request.refuse, request.message);
		return;
	}
	let response: Response;
	try {
		response = await handler(request);
	} catch (error) {
		// A handler may ask for the connection to die unanswered (the demo PMS's "drop after commit").
		if ((error as { dropConnection?: unknown } | null)?.dropConnection === true) {
			req.socket.destroy();
			return;
		}
		answer(res, 500, `Internal error: ${error instanceof Error ? error.message : String(error)}`);
		return;
	}
	try {
		const bytes = Buffer.from(await response.arrayBuffer());
		if (res.destroyed) return;
		res.writeHead(response.status, Object.fromEntries(response.headers));
		res.end(bytes);
	} catch {
		// The response's own body failed mid-stream: the status line may be out already; end the exchange.
		if (!res.headersSent) answer(res, 500, 'Internal error: the response body failed.');
		else res.destroy();
	}
}

/** What a request that cannot become a Fetch Request is answered with. */
type Refusal = { refuse: 400 | 405; message: string };
const refuse = (status: 400 | 405, message: string): Refusal => ({ refuse: status, message });

/** The body, all of it: 'too_large' past `max` (declared or sent), 'aborted' when the client left first. */
function readBody(req: IncomingMessage, max: number): Promise<Buffer<ArrayBuffer> | 'too_large' | 'aborted'> {
	const declared = Number(req.headers['content-length'] ?? NaN);
	if (Number.isFinite(declared) && declared > max) return Promise.resolve('too_large');
	return new Promise((resolve) => {
		const chunks: Buffer[] = [];
		let size = 0;
		let settled = false;
		const settle = (value: Buffer<ArrayBuffer> | 'too_large' | 'aborted') => {
			if (settled) return;
			settled = true;
			resolve(value);
		};
		req.on('data', (chunk: Buffer) => {
			if (settled) return;
			size += chunk.length;
			if (size > max) {
				chunks.length = 0;
				settle('too_large');
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => settle(Buffer.concat(chunks)));
		req.on('error', () => settle('aborted'));
		req.on('close', () => settle(req.complete ? Buffer.concat(chunks) : 'aborted'));
	});
}

/** A Fetch API Request for what Node parsed, or the 4xx for what cannot be one. */
function toRequest(req: IncomingMessage, body: Buffer<ArrayBuffer>): Request | Refusal {
	const host = req.headers.host ?? 'localhost';
	if (!HOST.test(host)) return refuse(400, 'Bad request: the Host header is not a host name.');
	const target = req.url ?? '/';
	if (!target.startsWith('/')) return refuse(400, 'Bad request: the request target must be a path.');
	const method = req.method ?? 'GET';
	if (/^(CONNECT|TRACE|TRACK)$/i.test(method)) return refuse(405, `${method} is not answered here.`);
	let url: URL;
	try {
		url = new URL(`http://${host}${target}`);
	} catch {
		return refuse(400, 'Bad request: the request target is not a valid path.');
	}
	try {
		const headers = new Headers();
		for (const [name, value] of Object.entries(req.headers)) {
			if (Array.isArray(value)) for (const v of value) headers.append(name, v);
			else if (value !== undefined) headers.set(name, value);
		}
		const hasBody = method !== 'GET' && method !== 'HEAD';
		return new Request(url, { method, headers, ...(hasBody ? { body: body } : {}) });
	} catch (error) {
		return refuse(400, `Bad request: ${error instanceof Error ? error.message : 'it cannot be read'}.`);
	}
}

/** An answer of this adapter's own, a bare JSON string as the demo PMS (Open Dental) writes errors. */
function answer(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
	if (res.destroyed) return;
	if (!res.headersSent) res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
	res.end(JSON.stringify(message));
}
