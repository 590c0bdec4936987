// The loopback admin channel's command line (DESIGN §8): the embedded database belongs to the
// running bridge, so commands ask the bridge, proving with DATA_DIR/admin.secret that they run here.
//   npm run -s pair-code      → a new one-time pairing code
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { join, resolve } from 'node:path';

const commands = {
	'pair-code': { method: 'POST', path: '/admin/v1/pair-code', print: (body) => `Pairing code: ${body.code}  (valid until ${new Date(body.expiresAt).toLocaleTimeString()})` }
};

const name = process.argv[2];
const command = commands[name];
if (!command) {
	console.error(`Unknown admin command "${name ?? ''}". Known: ${Object.keys(commands).join(', ')}`);
	process.exit(2);
}
const dataDir = resolve(process.env.DATA_DIR ?? './data');
let secret;
let runtime;
try {
	secret = readFileSync(join(dataDir, 'admin.secret'), 'utf8').trim();
	runtime = JSON.parse(readFileSync(join(dataDir, 'bridge.json'), 'utf8'));
} catch {
	console.error(`No running bridge found in ${dataDir}. Start it with \`npm start\` (or set DATA_DIR to the bridge's data folder).`);
	process.exit(1);
}
try {
	const { status, body } = await call(runtime, command);
	if (status < 200 || status >= 300) {
		console.error(`The bridge refused: ${body?.error?.message ?? status}`);
		process.exit(1);
	}
	console.log(command.print(body));
} catch (error) {
	console.error(`The bridge does not answer on 127.0.0.1:${runtime.port} (${error.message}). Is it running? Start it with \`npm start\`.`);
	process.exit(1);
}

async function call(runtime, command) {
	const url = `${runtime.protocol}://127.0.0.1:${runtime.port}${command.path}`;
	const headers = { 'x-admin-secret': secret, 'content-type': 'application/json' };
	if (runtime.protocol !== 'https') {
		const response = await fetch(url, { method: command.method, headers, body: '{}', signal: AbortSignal.timeout(10_000) });
		return { status: response.status, body: await response.json().catch(() => ({})) };
	}
	// Over HTTPS the bridge's certificate names its LAN names, not necessarily 127.0.0.1, and may come
	// from the practice's own authority. This is a loopback call to our own process, authenticated
	// by the admin secret, so the certificate is not what protects it.
	return new Promise((resolve, reject) => {
		const req = request(url, { method: command.method, headers, rejectUnauthorized: false, timeout: 10_000 }, (res) => {
			let text = '';
			res.on('data', (chunk) => (text += chunk));
			res.on('end', () => {
				let body = {};
				try {
					body = JSON.parse(text);
				} catch {
					// not JSON: the status says enough
				}
				resolve({ status: res.statusCode ?? 0, body });
			});
		});
		req.on('timeout', () => req.destroy(new Error('timed out')));
		req.on('error', reject);
		req.end('{}');
	});
}
