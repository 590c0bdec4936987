// Starts the built bridge (build/, made by `npm run build`) with Paysplit's defaults: the demo
// practice on http://localhost:3000. PORT, HOST, DATA_DIR and the rest override (see README).
// With TLS_CERT and TLS_KEY set (see `npm run cert`), it serves HTTPS instead.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { fileURLToPath } from 'node:url';

// Before anything is written: the practice's data is private to this user (issue 13). DATA_DIR, the
// database files, the admin secret and bridge.json are made 700/600, whatever the shell's umask.
process.umask(0o077);

// `npm start` builds first, here rather than as `npm run build && node …` in package.json, which on
// Windows' cmd.exe and POSIX sh alike is one command line to run.
if (process.argv.includes('--build')) {
	const vite = fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url));
	const built = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { stdio: 'inherit', cwd: fileURLToPath(new URL('..', import.meta.url)) });
	if (built.status !== 0) {
		console.error('Paysplit could not be built (see above); nothing was started.');
		process.exit(built.status ?? 1);
	}
}

if (!existsSync(new URL('../build/index.js', import.meta.url))) {
	console.error('Paysplit is not built yet: run `npm run build` first (npm start does both).');
	process.exit(1);
}
// npm runs this under a shell (sh -c, cmd /c). A SIGTERM sent to npm alone reaches that shell, which
// dies without passing it on, and the bridge would run on, orphaned: so when the process that started
// it goes away, the bridge stops as it does on SIGTERM (closing its databases), rather than holding
// DATA_DIR and its port with nobody to stop it.
const parent = process.ppid;
setInterval(() => {
	if (process.ppid === parent) return;
	console.error('Paysplit: the process that started the bridge has ended; stopping the bridge.');
	process.kill(process.pid, 'SIGTERM');
}, 1_000).unref();

process.env.HOST ??= '127.0.0.1';
process.env.PORT ??= '3000';
// The payments endpoint refuses bodies over 1 MB itself, with a JSON error (DESIGN §6); the adapter's
// own limit sits above it so that the bridge, not the adapter, gives the answer.
process.env.BODY_SIZE_LIMIT ??= '2M';

// Computed specifiers, so the type checker does not wander into the generated build.
if (!process.env.TLS_CERT && !process.env.TLS_KEY) {
	await import(new URL('../build/index.js', import.meta.url).href);
} else {
	// Importing the handler starts the bridge, which checks TLS_CERT and TLS_KEY with the rest of
	// the configuration and stops with a clear message if either is missing or unreadable.
	const { handler } = await import(new URL('../build/handler.js', import.meta.url).href);
	const server = createServer({ cert: readFileSync(process.env.TLS_CERT ?? ''), key: readFileSync(process.env.TLS_KEY ?? '') }, (req, res) =>
		handler(req, res, () => {
			res.statusCode = 404;
			res.end('Not found');
		})
	);
	server.listen(Number(process.env.PORT), process.env.HOST, () => console.log(`Listening on https://${process.env.HOST}:${process.env.PORT}`));
	const shutdown = (reason) => {
		server.close(() => {
			// As adapter-node does: lets the bridge close its databases.
			process.emit('sveltekit:shutdown', reason);
		});
		server.closeIdleConnections();
		setTimeout(() => process.exit(0), 30_000).unref();
	};
	process.once('SIGTERM', () => shutdown('SIGTERM'));
	process.once('SIGINT', () => shutdown('SIGINT'));
}
