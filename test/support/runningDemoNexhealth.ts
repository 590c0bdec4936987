import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { practiceDay } from './practiceDay';

export type RunningDemoNexhealth = {
	/** What it printed for the bridges: NEXHEALTH_URL, NEXHEALTH_API_KEY, NEXHEALTH_SUBDOMAIN, NEXHEALTH_LOCATION_ID. */
	bridgeEnv: Record<string, string>;
	dataDir: string;
	output(): string;
	/** SIGTERM; resolves with the exit code. */
	stop(): Promise<number | null>;
};

/**
 * Starts `npm run demo-nexhealth` (node scripts/demo-nexhealth.js, on the build) on `port` with a
 * fresh data folder and waits for the line it prints for the bridges.
 */
export async function startRunningDemoNexhealth(port: number, env: Record<string, string> = {}): Promise<RunningDemoNexhealth> {
	if (!existsSync('build/handler.js')) throw new Error('Paysplit is not built: run `npm run build` (npm test does it first).');
	const dataDir = mkdtempSync(join(tmpdir(), 'paysplit-demo-nexhealth-'));
	let output = '';
	const child: ChildProcess = spawn(process.execPath, ['scripts/demo-nexhealth.js'], {
		env: { ...process.env, DEMO_NEXHEALTH_PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO_TODAY: practiceDay(), DEMO_EMR: 'dentrix', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout?.on('data', (chunk) => (output += String(chunk)));
	child.stderr?.on('data', (chunk) => (output += String(chunk)));
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	const deadline = Date.now() + 60_000;
	let line: string | undefined;
	while (!(line = output.split('\n').find((l) => l.trim().startsWith('NEXHEALTH_URL=')))) {
		if (child.exitCode !== null || Date.now() > deadline) {
			child.kill('SIGKILL');
			rmSync(dataDir, { recursive: true, force: true });
			throw new Error(child.exitCode !== null ? `the demo NexHealth exited (${child.exitCode}):\n${output}` : `the demo NexHealth did not start in time:\n${output}`);
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	const bridgeEnv = Object.fromEntries(
		line
			.trim()
			.split(/\s+/)
			.map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)])
	);
	return {
		bridgeEnv,
		dataDir,
		output: () => output,
		async stop() {
			if (child.exitCode === null) {
				child.kill('SIGTERM');
				const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
				await exited;
				clearTimeout(timer);
			}
			rmSync(dataDir, { recursive: true, force: true });
			return exited;
		}
	};
}
