import * as nodeFs from 'node:fs';
import { join } from 'node:path';

type Entry = { name: string; isDirectory(): boolean; isFile(): boolean; isSymbolicLink(): boolean };

/** What `privateDataDir` takes from the file system: `node:fs` in production, a double in tests. */
export type PrivateDirFs = {
	/** Follows a symbolic link (only DATA_DIR itself is looked at through one). */
	statSync(path: string): { mode: number; uid: number; isDirectory(): boolean };
	mkdirSync(path: string, options: { recursive: true; mode: number }): unknown;
	/** With the entries' own types (lstat's): a symbolic link shows as one. */
	readdirSync(path: string): Entry[];
	chmodSync(path: string, mode: number): void;
	/** The process's user id; undefined where there is none (Windows). */
	getuid(): number | undefined;
};

const realFs: PrivateDirFs = {
	statSync: (path) => nodeFs.statSync(path),
	mkdirSync: (path, options) => nodeFs.mkdirSync(path, options),
	readdirSync: (path) => nodeFs.readdirSync(path, { withFileTypes: true }),
	chmodSync: (path, mode) => nodeFs.chmodSync(path, mode),
	getuid: () => process.getuid?.()
};

/**
 * Makes DATA_DIR (or a directory in it) private to the bridge's user (issue 13): the practice's
 * database, admin secret and TLS keys live there. A missing directory is made 700; one this user owns
 * is tightened — 700 on it and every directory under it, 600 on every file — since an install from
 * before the bridge ran with umask 077 left it 755 with 644/666 files. Symbolic links under it are
 * never followed (a link could point anywhere on the machine); `dir` itself may be one, as the person
 * chose that path. Throws `DataDirNotPrivateError`, naming the path, when the directory belongs to
 * another user or something in it cannot be changed (EPERM, a read-only file system): the bridge
 * refuses to start rather than keep patient data readable by others.
 */
export function privateDataDir(dir: string, fs: PrivateDirFs = realFs): void {
	let stat: ReturnType<PrivateDirFs['statSync']>;
	try {
		stat = fs.statSync(dir);
	} catch (error) {
		if (code(error) !== 'ENOENT') throw new DataDirNotPrivateError(dir, describe(error));
		try {
			fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
			// `mode` is masked by the umask, which a caller may not have set to 077: say it exactly.
			fs.chmodSync(dir, 0o700);
		} catch (made) {
			throw new DataDirNotPrivateError(dir, `it cannot be created: ${describe(made)}`);
		}
		return;
	}
	if (!stat.isDirectory()) throw new DataDirNotPrivateError(dir, 'it is not a directory');
	const uid = fs.getuid();
	if (uid !== undefined && stat.uid !== uid) throw new DataDirNotPrivateError(dir, `it belongs to user id ${stat.uid}, not to this user (${uid})`);
	tighten(fs, dir, stat.mode, 0o700);
	walk(fs, dir);
}

function walk(fs: PrivateDirFs, dir: string): void {
	let entries: Entry[];
	try {
		entries = fs.readdirSync(dir);
	} catch (error) {
		throw new DataDirNotPrivateError(dir, describe(error));
	}
	for (const entry of entries) {
		// Dirent types come from lstat: a symbolic link is never a directory or a file here.
		if (entry.isSymbolicLink()) continue;
		const path = join(dir, entry.name);
		if (entry.isDirectory()) {
			tighten(fs, path, statMode(fs, path), 0o700);
			walk(fs, path);
		} else if (entry.isFile()) {
			tighten(fs, path, statMode(fs, path), 0o600);
		}
	}
}

function statMode(fs: PrivateDirFs, path: string): number {
	try {
		return fs.statSync(path).mode;
	} catch (error) {
		throw new DataDirNotPrivateError(path, describe(error));
	}
}

/** chmod only when the mode differs: an already private tree on a read-only disk is no error. */
function tighten(fs: PrivateDirFs, path: string, mode: number, wanted: number): void {
	if ((mode & 0o777) === wanted) return;
	try {
		fs.chmodSync(path, wanted);
	} catch (error) {
		throw new DataDirNotPrivateError(path, `it cannot be made ${wanted.toString(8)}: ${describe(error)}`);
	}
}

/** DATA_DIR, or something in it, cannot be made private to this user. */
export class DataDirNotPrivateError extends Error {
	override name = 'DataDirNotPrivateError';
	constructor(
		readonly path: string,
		readonly why: string
	) {
		super(
			`${path} cannot be made private to this user: ${why}. Paysplit keeps the practice's payments and keys in DATA_DIR and does not start while others could read them. Run the bridge as the user who owns DATA_DIR, chown DATA_DIR and everything in it to this user, or choose another DATA_DIR.`
		);
	}
}

function code(error: unknown): string | undefined {
	return (error as { code?: string } | null)?.code;
}

function describe(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
