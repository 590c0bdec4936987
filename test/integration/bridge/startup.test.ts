import { describe, expect, it } from 'vitest';
import { startExpectingFailure } from '../support/runningBridge';

describe('start-up configuration', () => {
	it.each([
		[{ PORT: 'eighty' }, 'PORT'],
		[{ PMS: 'fuse' }, 'PMS "fuse" is not supported'],
		[{ PRACTICE_TZ: 'Mars/Olympus' }, 'PRACTICE_TZ'],
		[{ PMS: 'opendental' }, 'OPENDENTAL_URL is required']
	])('a bad value stops the bridge with a message naming the variable (%o)', async (env, expected) => {
		const { code, output } = await startExpectingFailure(env as Record<string, string>);
		expect(code).toBe(1);
		expect(output).toContain(expected);
		expect(output).not.toContain('Pairing code');
	});
});
