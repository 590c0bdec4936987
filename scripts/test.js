// `npm test`: type check, build, unit + integration tests (Vitest; the store and pipeline ones on
// PGlite and on PostgreSQL), end-to-end tests in Debian's Chromium (Playwright). Ends with one plain line, `N passed, N failed`, totalling every runner
// (the type check and the build count as one check each).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', CHROMIUM_PATH: chromium };
let passed = 0;
let failed = 0;

function run(label, command, args) {
	console.log(`\n── ${label}: ${command} ${args.join(' ')}`);
	const result = spawnSync(command, args, { stdio: 'inherit', env });
	return result.status === 0;
}

function ensureChromium() {
	if (existsSync(chromium)) return true;
	const install = 'apt-get update && apt-get install -y chromium';
	if (process.getuid?.() === 0) {
		console.log(`Chromium is missing at ${chromium}: installing Debian's package (${install}).`);
		if (run('install chromium', 'sh', ['-c', `DEBIAN_FRONTEND=noninteractive ${install}`]) && existsSync(chromium)) return true;
		console.error('Installing Chromium failed; the end-to-end tests cannot run.');
		return false;
	}
	console.error(`Chromium is missing at ${chromium}. Install it as root, then run npm test again:\n\n    sudo sh -c '${install}'\n`);
	process.exit(1);
}

/**
 * The store and pipeline tests also run on PostgreSQL: on the server at TEST_DATABASE_URL, else on a
 * throwaway server they start from PostgreSQL's binaries (test/support/postgresServer.ts). Missing
 * binaries are installed as root; otherwise those tests fail, saying what to install.
 */
function ensurePostgres() {
	if (process.env.TEST_DATABASE_URL || process.env.PG_BIN) return;
	const debian = '/usr/lib/postgresql';
	const installed = existsSync(debian) && readdirSync(debian).some((version) => existsSync(`${debian}/${version}/bin/postgres`) && existsSync(`${debian}/${version}/bin/initdb`));
	if (installed) return;
	const install = 'apt-get update && apt-get install -y postgresql';
	if (process.getuid?.() === 0) {
		console.log(`PostgreSQL's server binaries are missing: installing Debian's package (${install}).`);
		if (run('install postgresql', 'sh', ['-c', `DEBIAN_FRONTEND=noninteractive ${install}`])) return;
	}
	console.error(`PostgreSQL's server binaries are missing, so the PostgreSQL tests will fail. Install them as root (or set TEST_DATABASE_URL to a server):\n\n    sudo sh -c '${install}'\n`);
}

const haveChromium = ensureChromium();
ensurePostgres();
rmSync('.test-output', { recursive: true, force: true });
mkdirSync('.test-output', { recursive: true });

if (run('type check', 'npm', ['run', '-s', 'check'])) passed += 1;
else failed += 1;

const built = run('build', 'npx', ['vite', 'build', '--logLevel', 'warn']);
if (built) passed += 1;
else failed += 1;

run('unit and integration tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=.test-output/vitest.json']);
const vitest = readJson('.test-output/vitest.json');
if (vitest) {
	passed += vitest.numPassedTests;
	failed += vitest.numFailedTests + (vitest.numRuntimeErrorTestSuites ?? 0) + countFailedSuitesWithoutTests(vitest);
} else {
	console.error('Vitest wrote no report: counting the run as one failure.');
	failed += 1;
}

if (built && haveChromium) {
	run('end-to-end tests', 'npx', ['playwright', 'test']);
	const playwright = readJson('.test-output/playwright.json');
	if (playwright?.stats) {
		passed += playwright.stats.expected + (playwright.stats.flaky ?? 0);
		failed += playwright.stats.unexpected + (playwright.errors?.length ?? 0);
	} else {
		console.error('Playwright wrote no report: counting the run as one failure.');
		failed += 1;
	}
} else {
	console.error('End-to-end tests not run (no build or no Chromium): counted as one failure.');
	failed += 1;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

function readJson(path) {
	try {
		return JSON.parse(readFileSync(path, 'utf8'));
	} catch {
		return null;
	}
}

/** A test file that fails to load (syntax error, failing import) has no tests but must count. */
function countFailedSuitesWithoutTests(report) {
	return (report.testResults ?? []).filter((file) => file.status === 'failed' && (file.assertionResults ?? []).length === 0).length;
}
