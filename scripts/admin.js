// The loopback admin channel's command line (DESIGN §8): the embedded database belongs to the
// running bridge, so commands ask the bridge, proving with DATA_DIR/admin.secret that they run here.
//   npm run -s pair-code                  → a new one-time pairing code
//   npm run -s devices                    → the paired devices
//   npm run -s revoke-device -- <id|name>  → the device's token stops working at once
//   npm run -s set-pin                    → sets the manager PIN (asked without echo, or read from stdin)
//   npm run -s clear-lockouts             → forgets the wrong PINs and pairing codes counted so far
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { join, resolve } from 'node:path';

const listDevices = (body) =>
	body.devices.length === 0
		? 'No devices are paired.'
		: body.devices.map((d) => `${d.id}  ${d.revokedAt ? 'revoked ' : 'active  '} paired ${d.pairedAt.slice(0, 16).replace('T', ' ')}  ${d.name}`).join('\n');

const commands = {
	'pair-code': { method: 'POST', path: () => '/admin/v1/pair-code', print: (body) => `Pairing code: ${body.code}  (valid until ${new Date(body.expiresAt).toLocaleTimeString()})` },
	devices: { method: 'GET', path: () => '/admin/v1/devices', print: listDevices },
	'set-pin': { method: 'POST', path: () => '/admin/v1/manager-pin', readsPin: true, print: () => 'Manager PIN set. Manager sessions opened with the old PIN have ended.' },
	'clear-lockouts': { method: 'POST', path: () => '/admin/v1/guess-limits/clear', print: (body) => `Forgot ${body.cleared} wrong PIN and pairing-code attempt${body.cleared === 1 ? '' : 's'}: every device may try again now.` },
	'revoke-device': { method: 'POST', path: (id) => `/admin/v1/devices/${encodeURIComponent(id)}/revoke`, needsDevice: true, print: (body) => `Revoked "${body.name}" (${body.id}). It must be paired again; payments it has queued stay on it.` }
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
let path = command.path();
if (command.needsDevice) {
	const wanted = process.argv.slice(3).join(' ').trim();
	if (!wanted) {
		console.error('Name the device to revoke: npm run -s revoke-device -- <device id or name> (see npm run -s devices)');
		process.exit(2);
	}
	const list = await call(runtime, { method: 'GET', path: () => '/admin/v1/devices' }, '/admin/v1/devices').catch(() => null);
	const matches = (list?.body?.devices ?? []).filter((d) => d.id === wanted || d.name.toLowerCase() === wanted.toLowerCase());
	if (matches.length !== 1) {
		console.error(matches.length === 0 ? `No device "${wanted}". Paired devices:\n${listDevices(list?.body ?? { devices: [] })}` : `Several devices are named "${wanted}": give its id.\n${listDevices({ devices: matches })}`);
		process.exit(1);
	}
	path = command.path(matches[0].id);
}
let payload = '{}';
if (command.readsPin) {
	const pin = await readPin();
	if (!/^\d{4,12}$/.test(pin)) {
		console.error('The PIN must be 4 to 12 digits. Nothing was changed.');
		process.exit(2);
	}
	payload = JSON.stringify({ pin });
}
try {
	const { status, body } = await call(runtime, command, path, payload);
	if (status < 200 || status >= 300) {
		console.error(`The bridge refused: ${body?.error?.message ?? status}`);
		process.exit(1);
	}
	console.log(command.print(body));
} catch (error) {
	console.error(`The bridge does not answer on 127.0.0.1:${runtime.port} (${error.message}). Is it running? Start it with \`npm start\`.`);
	process.exit(1);
}

/**
 * The PIN, never echoed: typed at a terminal (twice, to catch a typo), or the first line of stdin when
 * piped (`echo 123456 | npm run -s set-pin`), so it never lands in the shell history as an argument.
 */
async function readPin() {
	if (!process.stdin.isTTY) {
		let text = '';
		for await (const chunk of process.stdin) text += chunk;
		return text.split(/\r?\n/)[0].trim();
	}
	const first = await askHidden('New manager PIN (4-12 digits): ');
	const second = await askHidden('Repeat the PIN: ');
	if (first !== second) {
		console.error('The two PINs differ. Nothing was changed.');
		process.exit(2);
	}
	return first;
}

function askHidden(prompt) {
	return new Promise((resolve) => {
		process.stdout.write(prompt);
		const stdin = process.stdin;
		stdin.setRawMode(true);
		stdin.resume();
		stdin.setEncoding('utf8');
		let typed = '';
		const onData = (chars) => {
			for (const char of chars) {
				if (char === '\r' || char === '\n') {
					stdin.setRawMode(false);
					stdin.pause();
					stdin.off('data', onData);
					process.stdout.write('\n');
					return resolve(typed);
				}
				if (char === '\u0003') {
					stdin.setRawMode(false);
					process.stdout.write('\n');
					process.exit(130);
				}
				if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
				else typed += char;
			}
		};
		stdin.on('data', onData);
	});
}

async function call(runtime, command, path, payload = '{}') {
	const url = `${runtime.protocol}://127.0.0.1:${runtime.port}${path}`;
	const headers = { 'x-admin-secret': secret, 'content-type': 'application/json' };
	if (runtime.protocol !== 'https') {
		const response = await fetch(url, { method: command.method, headers, body: command.method === 'GET' ? undefined : payload, signal: AbortSignal.timeout(10_000) });
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
		req.end(command.method === 'GET' ? undefined : payload);
	});
}
