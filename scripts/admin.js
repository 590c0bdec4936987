// The loopback admin channel's command line (DESIGN §8): the embedded database belongs to the
// running bridge, so commands ask the bridge, proving with DATA_DIR/admin.secret that they run here.
//   npm run -s pair-code      → a new one-time pairing code
import { readFileSync } from 'node:fs';
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
	const response = await fetch(`${runtime.protocol}://127.0.0.1:${runtime.port}${command.path}`, {
		method: command.method,
		headers: { 'x-admin-secret': secret, 'content-type': 'application/json' },
		body: command.method === 'POST' ? '{}' : undefined,
		signal: AbortSignal.timeout(10_000)
	});
	const body = await response.json().catch(() => ({}));
	if (!response.ok) {
		console.error(`The bridge refused: ${body?.error?.message ?? response.status}`);
		process.exit(1);
	}
	console.log(command.print(body));
} catch (error) {
	console.error(`The bridge does not answer on 127.0.0.1:${runtime.port} (${error.message}). Is it running? Start it with \`npm start\`.`);
	process.exit(1);
}
