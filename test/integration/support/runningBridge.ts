import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type RunningBridge = {
	baseUrl: string;
	dataDir: string;
	output: () => string;
	/** The log events so far: the JSON lines of the output, parsed (the banner and other plain lines left out). */
	logs: () => LogEvent[];
	/** A new one-time pairing code, through the loopback admin channel (as `npm run -s pair-code`). */
	pairingCode(): Promise<string>;
	/** Pairs a device and returns its bearer token. */
	pairDevice(name?: string): Promise<string>;
	/** Sets the manager PIN through the loopback admin channel (as `npm run -s set-pin`). */
	setPin(pin: string): Promise<void>;
	/** A manager token for the device (sets PIN 246810 first if none was set through `setPin`). */
	managerToken(deviceToken: string, name?: string): Promise<string>;
	/** Kills the process at once (SIGKILL), as a power cut would; the data folder stays. */
	kill(): Promise<void>;
	/** Stops the bridge and deletes its data folder. */
	stop(): Promise<void>;
	port: number;
};

/** One line of the bridge's structured log (src/lib/server/log/createLogger.ts). */
export type LogEvent = { level: 'debug' | 'info' | 'warn' | 'error'; time: string; msg: string } & Record<string, unknown>;

export function parseLogLines(output: string): LogEvent[] {
	return output.split('\n').flatMap((line) => {
		if (!line.startsWith('{')) return [];
		try {
			return [JSON.parse(line) as LogEvent];
		} catch {
			return [];
		}
	});
}

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
		});
	});
}

/**
 * Starts the built bridge (`node scripts/start.js`, as `npm start` does after building) on a free
 * port with a fresh data folder and the demo practice, and waits until it answers.
 */
export async function startRunningBridge(
	env: Record<string, string> = {},
	protocol: 'http' | 'https' = 'http',
	/** Runs before the bridge starts, with its data folder (e.g. to make certificates there); returns more environment. */
	prepare?: (dataDir: string) => Record<string, string>,
	/** To start again on the same port and data (after `kill`). */
	reuse?: { port: number; dataDir: string }
): Promise<RunningBridge> {
	if (!existsSync('build/index.js')) throw new Error('The bridge is not built: run `npm run build` (npm test does it first).');
	const port = reuse?.port ?? (await freePort());
	const dataDir = reuse?.dataDir ?? mkdtempSync(join(tmpdir(), 'paysplit-it-'));
	let output = '';
	let pinSet: string | null = null;
	const prepared = prepare?.(dataDir) ?? {};
	const child: ChildProcess = spawn(process.execPath, ['scripts/start.js'], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env, ...prepared },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout?.on('data', (chunk) => (output += String(chunk)));
	child.stderr?.on('data', (chunk) => (output += String(chunk)));
	const baseUrl = `${protocol}://127.0.0.1:${port}`;
	const deadline = Date.now() + Number(process.env.BRIDGE_START_TIMEOUT_MS ?? 60_000);
	for (;;) {
		if (child.exitCode !== null) throw new Error(`the bridge exited (${child.exitCode}):\n${output}`);
		if (/Listening on/.test(output)) break;
		if (Date.now() > deadline) throw new Error(`the bridge did not start in time:\n${output}`);
		await new Promise((r) => setTimeout(r, 200));
	}
	const bridge: RunningBridge = {
		baseUrl,
		dataDir,
		output: () => output,
		logs: () => parseLogLines(output),
		async pairingCode() {
			const secret = readFileSync(join(dataDir, 'admin.secret'), 'utf8').trim();
			const response = await fetch(`${baseUrl}/admin/v1/pair-code`, { method: 'POST', headers: { 'x-admin-secret': secret } });
			if (response.status !== 201) throw new Error(`pair-code answered ${response.status}`);
			return ((await response.json()) as { code: string }).code;
		},
		async pairDevice(name = 'Test desk') {
			const code = await bridge.pairingCode();
			const response = await fetch(`${baseUrl}/api/v1/devices/pair`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, name }) });
			if (response.status !== 201) throw new Error(`pairing answered ${response.status}: ${await response.text()}`);
			return ((await response.json()) as { token: string }).token;
		},
		async setPin(pin) {
			const secret = readFileSync(join(dataDir, 'admin.secret'), 'utf8').trim();
			const response = await fetch(`${baseUrl}/admin/v1/manager-pin`, { method: 'POST', headers: { 'x-admin-secret': secret, 'content-type': 'application/json' }, body: JSON.stringify({ pin }) });
			if (response.status !== 200) throw new Error(`manager-pin answered ${response.status}: ${await response.text()}`);
			pinSet = pin;
		},
		async managerToken(deviceToken, name = 'Test manager') {
			if (!pinSet) await bridge.setPin('246810');
			const response = await fetch(`${baseUrl}/api/v1/manager/session`, { method: 'POST', headers: { authorization: `Bearer ${deviceToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ pin: pinSet, name }) });
			if (response.status !== 201) throw new Error(`manager session answered ${response.status}: ${await response.text()}`);
			return ((await response.json()) as { token: string }).token;
		},
		port,
		async kill() {
			if (child.exitCode !== null) return;
			const exited = new Promise((r) => child.once('exit', r));
			child.kill('SIGKILL');
			await exited;
		},
		async stop() {
			if (child.exitCode === null) {
				const exited = new Promise((r) => child.once('exit', r));
				child.kill('SIGTERM');
				await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
				if (child.exitCode === null) child.kill('SIGKILL');
			}
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
	return bridge;
}

/** Runs the start script with `env` and returns its exit code and output (for start-up failures). */
export async function startExpectingFailure(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
	const dataDir = mkdtempSync(join(tmpdir(), 'paysplit-it-'));
	try {
		return await new Promise((resolve) => {
			let output = '';
			const child = spawn(process.execPath, ['scripts/start.js'], { env: { ...process.env, HOST: '127.0.0.1', DATA_DIR: dataDir, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
			child.stdout.on('data', (c) => (output += String(c)));
			child.stderr.on('data', (c) => (output += String(c)));
			const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
			child.on('exit', (code) => {
				clearTimeout(timer);
				resolve({ code, output });
			});
		});
	} finally {
		rmSync(dataDir, { recursive: true, force: true });
	}
}
