import { describe, expect, it } from 'vitest';
import { hashPin, pinMatches } from '$lib/server/auth/managerPin';

describe('manager PIN hashing (scrypt)', () => {
	it('matches the PIN it was made from and no other; salts differ each time', async () => {
		const hash = await hashPin('482913');
		expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
		expect(hash).not.toContain('482913');
		expect(await pinMatches('482913', hash)).toBe(true);
		expect(await pinMatches('482914', hash)).toBe(false);
		expect(await hashPin('482913')).not.toBe(hash);
	});
});
