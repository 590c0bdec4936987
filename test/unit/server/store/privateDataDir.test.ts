import { chmodSync, chownSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirNotPrivateError, privateDataDir, type PrivateDirFs } from '$lib/server/store/privateDataDir';

let root: string;
beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'paysplit-private-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const mode = (path: string) => (lstatSync(path).mode & 0o777).toString(8);

/** What an install from before issue 13 left: 755 directories, 644 and 666 files (umask 022, PGlite's 666). */
function looseTree(dataDir: string): void {
	mkdirSync(join(dataDir, 'bridge', 'base', '1'), { recursive: true });
	mkdirSync(join(dataDir, 'tls'));
	writeFileSync(join(dataDir, 'admin.secret'), 'secret\n');
	writeFileSync(join(dataDir, 'bridge', 'PG_VERSION'), '17\n');
	writeFileSync(join(dataDir, 'bridge', 'base', '1', '1259'), 'rows');
	writeFileSync(join(dataDir, 'tls', 'ca.crt'), 'certificate');
	for (const dir of [dataDir, join(dataDir, 'bridge'), join(dataDir, 'bridge', 'base'), join(dataDir, 'bridge', 'base', '1'), join(dataDir, 'tls')]) chmodSync(dir, 0o755);
	chmodSync(join(dataDir, 'admin.secret'), 0o644);
	chmodSync(join(dataDir, 'bridge', 'PG_VERSION'), 0o644);
	chmodSync(join(dataDir, 'bridge', 'base', '1', '1259'), 0o666);
	chmodSync(join(dataDir, 'tls', 'ca.crt'), 0o644);
}

/** Every entry under `dir` (DATA_DIR included), symbolic links not followed: [path, mode]. */
function modes(dir: string): [string, string][] {
	const found: [string, string][] = [[dir, mode(dir)]];
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) found.push(...modes(path));
		else found.push([path, mode(path)]);
	}
	return found;
}

/** The real file system, with `chmodSync` failing as it does on `failOn` when the bridge is not its owner. */
function fsRefusingChmodOn(failOn: string, code: 'EPERM' | 'EROFS'): PrivateDirFs {
	return {
		statSync: (path) => statSync(path),
		mkdirSync: (path, options) => mkdirSync(path, options),
		readdirSync: (path) => readdirSync(path, { withFileTypes: true }),
		chmodSync(path, wanted) {
			if (path === failOn) throw Object.assign(new Error(`${code}: operation not permitted, chmod '${path}'`), { code });
			chmodSync(path, wanted);
		},
		getuid: () => process.getuid?.()
	};
}

describe('privateDataDir: DATA_DIR private to the bridge user (issue 13)', () => {
	it('a missing DATA_DIR is made 700, its missing parents too', () => {
		const dataDir = join(root, 'practice', 'data');
		privateDataDir(dataDir);
		expect(mode(dataDir)).toBe('700');
	});

	it('tightens a tree this user owns: directories 755 → 700, files 644/666 → 600', () => {
		const dataDir = join(root, 'data');
		looseTree(dataDir);
		expect(new Set(modes(dataDir).map(([, m]) => m))).toEqual(new Set(['755', '644', '666']));
		privateDataDir(dataDir);
		const after = modes(dataDir);
		expect(after).toHaveLength(9);
		for (const [path, m] of after) expect([path, m]).toEqual([path, statSync(path).isDirectory() ? '700' : '600']);
	});

	it('never follows a symbolic link out of DATA_DIR: what it points at keeps its mode', () => {
		const dataDir = join(root, 'data');
		looseTree(dataDir);
		const outside = join(root, 'elsewhere');
		mkdirSync(outside);
		chmodSync(outside, 0o755);
		writeFileSync(join(outside, 'shared.txt'), 'not the bridge’s');
		chmodSync(join(outside, 'shared.txt'), 0o644);
		symlinkSync(outside, join(dataDir, 'linked-dir'));
		symlinkSync(join(outside, 'shared.txt'), join(dataDir, 'bridge', 'linked-file'));
		privateDataDir(dataDir);
		expect(mode(outside)).toBe('755');
		expect(mode(join(outside, 'shared.txt'))).toBe('644');
		expect(mode(join(dataDir, 'admin.secret'))).toBe('600');
	});

	it('DATA_DIR itself may be a symbolic link (the path the person chose): the directory it names is tightened', () => {
		const real = join(root, 'disk', 'paysplit');
		looseTree(real);
		symlinkSync(real, join(root, 'data'));
		privateDataDir(join(root, 'data'));
		expect(mode(real)).toBe('700');
		expect(mode(join(real, 'admin.secret'))).toBe('600');
	});

	it('a file it cannot chmod (EPERM: another owner) stops it with an error naming that file and what to do', () => {
		const dataDir = join(root, 'data');
		looseTree(dataDir);
		const stuck = join(dataDir, 'bridge', 'base', '1', '1259');
		const error = catchError(() => privateDataDir(dataDir, fsRefusingChmodOn(stuck, 'EPERM')));
		expect(error).toBeInstanceOf(DataDirNotPrivateError);
		expect(error.message).toMatch(new RegExp(`^${stuck} cannot be made private to this user: it cannot be made 600: EPERM`));
		expect(error.message).toContain('chown DATA_DIR and everything in it to this user, or choose another DATA_DIR');
	});

	it('a DATA_DIR on a read-only disk that is not private yet stops it, naming DATA_DIR', () => {
		const dataDir = join(root, 'data');
		looseTree(dataDir);
		const error = catchError(() => privateDataDir(dataDir, fsRefusingChmodOn(dataDir, 'EROFS')));
		expect(error.message).toMatch(new RegExp(`^${dataDir} cannot be made private to this user: it cannot be made 700: EROFS`));
	});

	it('a tree already private is left alone (no chmod): a read-only disk holding one is no error', () => {
		const dataDir = join(root, 'data');
		looseTree(dataDir);
		privateDataDir(dataDir);
		const calls: string[] = [];
		const counting = { ...fsRefusingChmodOn('', 'EROFS'), chmodSync: (path: string) => void calls.push(path) };
		privateDataDir(dataDir, counting);
		expect(calls).toEqual([]);
	});

	// Provoked for real as root (the tests' machine): the directory is given to "nobody". As any other
	// user, who cannot give a directory away, the process's user id is stubbed instead.
	it('a DATA_DIR that belongs to another user stops it, naming the path, and changes nothing', () => {
		const dataDir = join(root, 'data');
		looseTree(dataDir);
		const asRoot = process.getuid?.() === 0;
		if (asRoot) chownSync(dataDir, 65534, 65534);
		const owner = statSync(dataDir).uid;
		const fs: PrivateDirFs | undefined = asRoot ? undefined : { ...fsRefusingChmodOn('', 'EPERM'), getuid: () => owner + 1 };
		const error = catchError(() => privateDataDir(dataDir, fs));
		expect(error).toBeInstanceOf(DataDirNotPrivateError);
		expect(error.message).toContain(`${dataDir} cannot be made private to this user: it belongs to user id ${owner}, not to this user`);
		expect(mode(dataDir)).toBe('755');
		expect(mode(join(dataDir, 'admin.secret'))).toBe('644');
	});

	it('a DATA_DIR that is a file stops it, naming the path', () => {
		writeFileSync(join(root, 'data'), '');
		expect(catchError(() => privateDataDir(join(root, 'data'))).message).toContain(`${join(root, 'data')} cannot be made private to this user: it is not a directory`);
	});
});

function catchError(run: () => void): Error {
	try {
		run();
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected an error');
}
