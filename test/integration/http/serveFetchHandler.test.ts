import type { Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { serveFetchHandler, type FetchHandler } from '$lib/server/http/serveFetchHandler';

let server: Server | undefined;
afterEach(async () => {
	await new Promise((resolve) => server?.close(resolve));
	server?.closeAllConnections();
	server = undefined;
});

async function serve(handler: FetchHandler, options?: { maxBodyBytes?: number }): Promise<number> {
	server = serveFetchHandler(handler, options);
	await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
	return (server.address() as AddressInfo).port;
}

/** Sends `text` as is over a fresh connection; resolves with everything the server sent before it closed. */
function rawRequest(port: number, text: string | Buffer, options: { destroyAfterWrite?: boolean } = {}): Promise<string> {
	return new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1');
		let received = '';
		socket.on('data', (chunk) => (received += chunk.toString('latin1')));
		socket.on('close', () => resolve(received));
		socket.on('error', () => undefined);
		socket.write(text, () => {
			if (options.destroyAfterWrite) socket.destroy();
		});
	});
}
const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);

const echo: FetchHandler = async (request) => Response.json({ method: request.method, path: new URL(request.url).pathname, bytes: (await request.arrayBuffer()).byteLength });

describe('serveFetchHandler: a malformed request gets a 4xx (or nothing, when the caller left), never a 500 or a crash', () => {
	it('a Host header that is not a host name answers 400, and the path stays the one requested', async () => {
		const port = await serve(echo);
		for (const host of ['a b', '[', 'x/api/v1/payments?', 'user@evil']) {
			const answer = await rawRequest(port, `GET /api/v1/patients HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
			expect(statusOf(answer), host).toBe(400);
		}
		const plain = await rawRequest(port, `GET /api/v1/patients HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
		expect(statusOf(plain)).toBe(200);
		expect(plain).toContain('"path":"/api/v1/patients"');
	});

	it('a request target that is not a path, or a method a Fetch Request cannot carry, answers 4xx', async () => {
		const port = await serve(echo);
		expect(statusOf(await rawRequest(port, `OPTIONS * HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`))).toBe(400);
		expect(statusOf(await rawRequest(port, `TRACE / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`))).toBe(405);
	});

	it('a body declared or sent over the limit answers 413 without reaching the handler, and the server answers the next request', async () => {
		let calls = 0;
		const port = await serve(async (request) => {
			calls += 1;
			return echo(request);
		}, { maxBodyBytes: 1000 });
		const declared = await rawRequest(port, `POST /x HTTP/1.1\r\nHost: localhost\r\nContent-Length: 20000000\r\n\r\n`);
		expect(statusOf(declared)).toBe(413);
		const chunked = await rawRequest(port, `POST /x HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n${'400\r\n' + 'a'.repeat(1024) + '\r\n'}${'400\r\n' + 'b'.repeat(1024) + '\r\n'}`);
		expect(statusOf(chunked)).toBe(413);
		expect(calls).toBe(0);
		const next = await fetch(`http://127.0.0.1:${port}/x`, { method: 'POST', body: 'x'.repeat(1000) });
		expect(next.status).toBe(200);
		expect(await next.json()).toMatchObject({ bytes: 1000 });
	});

	it('the default limit is 16 MiB: a 17 MB body sent by fetch gets 413, a 15 MB one reaches the handler', async () => {
		const port = await serve(echo);
		const tooLarge = await fetch(`http://127.0.0.1:${port}/x`, { method: 'POST', body: new Uint8Array(17_000_000) }).then(
			(r) => r.status,
			// The server may close before the client has sent it all: then fetch fails, which is no 500 either.
			() => 'closed'
		);
		expect([413, 'closed']).toContain(tooLarge);
		const fits = await fetch(`http://127.0.0.1:${port}/x`, { method: 'POST', body: new Uint8Array(15_000_000) });
		expect(await fits.json()).toMatchObject({ bytes: 15_000_000 });
	});

	it('a body cut off by the caller reaches no handler, and the server goes on', async () => {
		let calls = 0;
		const port = await serve(async (request) => {
			calls += 1;
			return echo(request);
		});
		const answer = await rawRequest(port, `POST /x HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000\r\n\r\n${'a'.repeat(10)}`, { destroyAfterWrite: true });
		expect(answer).toBe('');
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(calls).toBe(0);
		expect((await fetch(`http://127.0.0.1:${port}/x`)).status).toBe(200);
	});

	it('a caller that leaves while the handler works does not crash the process when the answer comes', async () => {
		let release!: () => void;
		const released = new Promise<void>((resolve) => (release = resolve));
		let started!: () => void;
		const working = new Promise<void>((resolve) => (started = resolve));
		const port = await serve(async () => {
			started();
			await released;
			return Response.json('late');
		});
		const gone = rawRequest(port, `GET /x HTTP/1.1\r\nHost: localhost\r\n\r\n`);
		await working;
		server!.closeAllConnections();
		await gone;
		release();
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(server!.listening).toBe(true);
	});

	it('a handler that throws is the last resort: 500, and the server goes on', async () => {
		const port = await serve(async (request) => {
			if (new URL(request.url).pathname === '/boom') throw new Error('bug');
			return Response.json('ok');
		});
		expect((await fetch(`http://127.0.0.1:${port}/boom`)).status).toBe(500);
		expect((await fetch(`http://127.0.0.1:${port}/fine`)).status).toBe(200);
	});
});
