import { describe, expect, it } from 'vitest';
import { parseConfig } from '$lib/server/config/config';

const nexhealth = { PMS: 'nexhealth', NEXHEALTH_URL: 'https://nexhealth.info', NEXHEALTH_API_KEY: 'sk_live_abc123', NEXHEALTH_SUBDOMAIN: 'smile-dental', NEXHEALTH_LOCATION_ID: '4312' };
const problems = (env: Record<string, string | undefined>) => {
	const result = parseConfig(env);
	return result.ok ? [] : result.problems;
};

describe('configuration for PMS=nexhealth', () => {
	it('takes the NexHealth settings, with the write timeout 30 minutes by default', () => {
		const result = parseConfig(nexhealth);
		expect(result.ok && result.config).toMatchObject({ PMS: 'nexhealth', NEXHEALTH_URL: 'https://nexhealth.info', NEXHEALTH_API_KEY: 'sk_live_abc123', NEXHEALTH_SUBDOMAIN: 'smile-dental', NEXHEALTH_LOCATION_ID: 4312, NEXHEALTH_WRITE_TIMEOUT_MINUTES: 30 });
		const longer = parseConfig({ ...nexhealth, NEXHEALTH_WRITE_TIMEOUT_MINUTES: '90' });
		expect(longer.ok && longer.config.NEXHEALTH_WRITE_TIMEOUT_MINUTES).toBe(90);
	});

	it.each(['NEXHEALTH_URL', 'NEXHEALTH_API_KEY', 'NEXHEALTH_SUBDOMAIN', 'NEXHEALTH_LOCATION_ID'])('a missing %s stops the bridge, naming it', (name) => {
		expect(problems({ ...nexhealth, [name]: undefined })).toEqual([`${name} is required when PMS=nexhealth`]);
	});

	it.each([
		['NEXHEALTH_URL', 'nexhealth.info'],
		['NEXHEALTH_URL', 'ftp://nexhealth.info'],
		['NEXHEALTH_API_KEY', '   '],
		['NEXHEALTH_API_KEY', 'two words'],
		['NEXHEALTH_SUBDOMAIN', 'smile dental'],
		['NEXHEALTH_SUBDOMAIN', 'smile/dental'],
		['NEXHEALTH_LOCATION_ID', '0'],
		['NEXHEALTH_LOCATION_ID', '12.5'],
		['NEXHEALTH_LOCATION_ID', 'main'],
		['NEXHEALTH_LOCATION_ID', '2147483648'],
		['NEXHEALTH_WRITE_TIMEOUT_MINUTES', '0'],
		['NEXHEALTH_WRITE_TIMEOUT_MINUTES', '1441'],
		['NEXHEALTH_WRITE_TIMEOUT_MINUTES', 'soon']
	])('a bad %s (%j) stops the bridge, naming it', (name, value) => {
		const found = problems({ ...nexhealth, [name]: value });
		expect(found).toHaveLength(1);
		expect(found[0]).toContain(name);
	});

	it('the NexHealth settings are not required for another PMS, and an unsupported PMS names nexhealth among those supported', () => {
		expect(problems({ PMS: 'demo' })).toEqual([]);
		expect(problems({ PMS: 'dentrix' })[0]).toContain('"nexhealth"');
	});
});
