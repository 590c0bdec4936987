import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export type FetchHandler = (request: Request) => Promise<Response>;

const MAX_BODY = 16 * 1024 * 1024;

/**
 * A plain Node HTTP server around a Fetch API handler (Request → Response), for the pieces that run
 * outside SvelteKit: the stand-alone demo PMS, and test doubles of a PMS.
 */
export function serveFetchHandler(handler: FetchHandler): Server {
	return createServer((req, res) => {
		void respond(handler, req, res);
	});
}

async function respond(handler: FetchHandler, req: IncomingMessage, res: ServerResponse): Promise<void> {
	try {
		const chunks: Buffer[] = [];
		let size = 0;
		for await (const chunk of req) {
			size += (chunk as Buffer).length;
			if (size > MAX_BODY) {
				res.writeHead(413, { connection: 'close' }).end();
				return;
			}
			chunks.push(chunk as Buffer);
		}
		const headers = new Headers();
		for (const [name, value] of Object.entries(req.headers)) {
			if (Array.isArray(value)) for (const v of value) headers.append(name, v);
			else if (value !== undefined) headers.set(name, value);
		}
		const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
		const request = new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, {
			method: req.method ?? 'GET',
			headers,
			...(hasBody ? { body: Buffer.concat(chunks) } : {})
		});
		const response = await handler(request);
		res.writeHead(response.status, Object.fromEntries(response.headers));
		res.end(Buffer.from(await response.arrayBuffer()));
	} catch (error) {
		// A handler may ask for the connection to die unanswered (the demo PMS's "drop after commit").
		if ((error as { dropConnection?: unknown } | null)?.dropConnection === true) {
			req.socket.destroy();
			return;
		}
		if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
		res.end(JSON.stringify(`Internal error: ${error instanceof Error ? error.message : String(error)}`));
	}
}
