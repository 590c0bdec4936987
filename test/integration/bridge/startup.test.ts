import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startExpectingFailure, startRunningBridge } from '../support/runningBridge';

describe('start-up configuration', () => {
	it.each([
		[{ PORT: 'eighty' }, 'PORT'],
		[{ PRACTICE_TZ: 'Mars/Olympus' }, 'PRACTICE_TZ'],
		[{ PMS: 'opendental' }, 'OPENDENTAL_URL is required']
	])('a bad value stops the bridge with a message naming the variable (%o)', async (env, expected) => {
		const { code, output } = await startExpectingFailure(env as Record<string, string>);
		expect(code).toBe(1);
		expect(output).toContain(expected);
		expect(output).not.toContain('Pairing code');
	});
});

describe('Fuse is refused (issue 14)', () => {
	it.each([[{ PMS: 'fuse' }], [{ PMS: 'Fuse ' }], [{ DEMO_EMR: 'fuse' }]])('%o stops the bridge before it listens, with exit status 2 and one message saying why and what to do', async (env) => {
		const { code, output } = await startExpectingFailure(env as Record<string, string>);
		expect(code).toBe(2);
		expect(output.trim()).toBe("Paysplit will not start: Fuse (Patterson Dental's cloud PMS) offers no sanctioned way for other software to write its ledger, so Paysplit cannot write back to it; payments must be keyed into Fuse by hand. Paysplit writes back to Open Dental, Dentrix and Eaglesoft.");
	});
});

describe('a damaged bridge database', () => {
	it('stops the bridge with a message naming the directory, and never starts an empty database in its place', async () => {
		const bridge = await startRunningBridge({});
		try {
			await bridge.kill();
			// What a torn write can leave behind: the cluster's control file unreadable.
			const control = join(bridge.dataDir, 'bridge', 'global', 'pg_control');
			writeFileSync(control, 'not a control file');
			const { code, output } = await startExpectingFailure({ DATA_DIR: bridge.dataDir });
			expect(code).toBe(1);
			expect(output).toContain(`The database in ${join(bridge.dataDir, 'bridge')} cannot be opened`);
			expect(output).toContain('will not start without it, nor start an empty database in its place');
			expect(output).not.toContain('Pairing code');
			expect(readFileSync(control, 'utf8')).toBe('not a control file');
		} finally {
			await bridge.stop();
		}
	});
});
