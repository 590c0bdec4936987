import { spawn } from 'node:child_process';
import { chmodSync, chownSync, lstatSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startRunningBridge } from '../support/runningBridge';

type Entry = { path: string; kind: 'dir' | 'file' | 'other'; mode: string };

/** Every entry under `dir`, `dir` included, symbolic links not followed. */
function walk(dir: string): Entry[] {
	const found: Entry[] = [{ path: dir, kind: 'dir', mode: modeOf(dir) }];
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) found.push(...walk(path));
		else found.push({ path, kind: entry.isFile() ? 'file' : 'other', mode: modeOf(path) });
	}
	return found;
}

const modeOf = (path: string) => (lstatSync(path).mode & 0o777).toString(8);

/** The entries whose mode is not 700 (directories) or 600 (files): none when DATA_DIR is private. */
function notPrivate(dataDir: string) {
	const entries = walk(dataDir);
	const loose = entries.filter((e) => (e.kind === 'dir' ? e.mode !== '700' : e.mode !== '600'));
	return { files: entries.filter((e) => e.kind === 'file').length, dirs: entries.filter((e) => e.kind === 'dir').length, loose: loose.map((e) => `${e.mode} ${e.path}`) };
}

/** What an install from before issue 13 looked like: directories 755, files 644 (666 for most of PGlite's). */
function loosen(dir: string): void {
	chmodSync(dir, 0o755);
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) loosen(path);
		else if (entry.isFile()) chmodSync(path, entry.name.startsWith('1') ? 0o666 : 0o644);
	}
}

describe('private at rest (issue 13): DATA_DIR and everything under it 700/600', () => {
	it('a bridge started on a missing DATA_DIR makes it and everything it writes there private; one started on a 755/644 DATA_DIR tightens it', async () => {
		// DATA_DIR does not exist yet: the bridge makes it (as a first `npm start` does).
		let bridge = await startRunningBridge({}, 'http', (dir) => {
			rmSync(dir, { recursive: true });
			return {};
		});
		const dataDir = bridge.dataDir;
		try {
			// Some writes while it runs: a device, a payment posted to the demo PMS.
			const token = await bridge.pairDevice('Front desk');
			const patients = (await (await fetch(`${bridge.baseUrl}/api/v1/patients`, { headers: { authorization: `Bearer ${token}` } })).json()) as { patients: { id: string }[] };
			const payment = { id: '01900000-0000-7000-8000-00000000a7e5', patientId: patients.patients[0]?.id, amount: 2500, method: { kind: 'cash' }, payDate: '2026-01-05', takenAt: new Date().toISOString() };
			const posted = await fetch(`${bridge.baseUrl}/api/v1/payments`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ payments: [payment] }) });
			expect(((await posted.json()) as { results: { outcome: string }[] }).results[0]?.outcome).toBe('accepted');
			await new Promise((r) => setTimeout(r, 1_000));

			const fresh = notPrivate(dataDir);
			console.log(`[private at rest] fresh DATA_DIR: ${fresh.files} files and ${fresh.dirs} directories checked; not private: ${fresh.loose.length}`);
			expect(fresh.loose).toEqual([]);
			expect(fresh.files).toBeGreaterThan(1_000);

			// An install from before: stopped at once, then everything loosened as the default umask left it.
			await bridge.kill();
			loosen(dataDir);
			writeFileSync(join(dataDir, 'notes-from-setup.txt'), 'left by hand');
			chmodSync(join(dataDir, 'notes-from-setup.txt'), 0o644);
			expect(notPrivate(dataDir).loose.length).toBeGreaterThan(1_000);
			bridge = await startRunningBridge({}, 'http', undefined, { port: bridge.port, dataDir });
			const tightened = notPrivate(dataDir);
			console.log(`[private at rest] pre-existing 755/644 DATA_DIR: ${tightened.files} files and ${tightened.dirs} directories checked; not private: ${tightened.loose.length}`);
			expect(tightened.loose).toEqual([]);
		} finally {
			await bridge.stop();
		}
	}, 120_000);

	// Provoked for real: as root, on a DATA_DIR that belongs to user "nobody" (root could chmod it, but
	// the bridge does not take over another user's folder). Running the bridge as nobody instead would
	// need the checkout to be readable by nobody, which a clone in a private folder is not.
	it.runIf(process.getuid?.() === 0)('a DATA_DIR that belongs to another user stops the bridge, naming the path and what to do, and is left as it was', async () => {
		const dataDir = mkdtempSync(join(tmpdir(), 'paysplit-it-'));
		chmodSync(dataDir, 0o755);
		chownSync(dataDir, 65534, 65534);
		try {
			const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
				let output = '';
				const child = spawn(process.execPath, ['scripts/start.js'], { env: { ...process.env, HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
				child.stdout.on('data', (c) => (output += String(c)));
				child.stderr.on('data', (c) => (output += String(c)));
				const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
				child.on('exit', (exit) => {
					clearTimeout(timer);
					resolve({ code: exit, output });
				});
			});
			expect(code).toBe(1);
			expect(output).toContain(`Paysplit cannot start.\n  - ${dataDir} cannot be made private to this user: it belongs to user id 65534, not to this user (0)`);
			expect(output).toContain('chown DATA_DIR and everything in it to this user, or choose another DATA_DIR');
			expect(output).not.toContain('Pairing code');
			expect(readdirSync(dataDir)).toEqual([]);
			expect(modeOf(dataDir)).toBe('755');
		} finally {
			rmSync(dataDir, { recursive: true, force: true });
		}
	});
});
