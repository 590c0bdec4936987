import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

export const ADMIN_SECRET_FILE = 'admin.secret';
export const RUNTIME_FILE = 'bridge.json';

/**
 * The secret of the loopback admin channel (DESIGN §8): made at first start in DATA_DIR, readable by
 * the bridge's user only. CLI commands read it to prove they run on this machine, as this user.
 */
export function loadAdminSecret(dataDir: string): string {
	const path = join(dataDir, ADMIN_SECRET_FILE);
	if (!existsSync(path)) writeFileSync(path, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
	chmodSync(path, 0o600);
	return readFileSync(path, 'utf8').trim();
}

/** Where the running bridge listens, for the CLI (`npm run -s pair-code`). */
export function writeRuntimeFile(dataDir: string, info: { pid: number; port: number; protocol: 'http' | 'https' }): void {
	writeFileSync(join(dataDir, RUNTIME_FILE), `${JSON.stringify(info)}\n`, { mode: 0o600 });
}
