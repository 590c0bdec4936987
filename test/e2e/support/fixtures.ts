import { test as base, expect } from '@playwright/test';

/**
 * The `test` every spec imports: Playwright's own, with a browser context that fails the test when
 * anything in it breaks the Content-Security-Policy (issue 13; `kit.csp` in svelte.config.js).
 *
 * Two witnesses, so a violation is caught wherever it happens:
 * - Chromium's console line ("Refused to … because it violates the following Content Security
 *   Policy directive …"), which Playwright reports for pages, web workers and the service worker;
 * - the page's `securitypolicyviolation` event (https://w3c.github.io/webappsec-csp/#violation-events),
 *   logged under a prefix by an init script (init scripts are injected by the browser, so the
 *   policy does not block them).
 */
const CSP_CONSOLE = /Content Security Policy/i;
const EVENT_PREFIX = '[securitypolicyviolation]';

function reportViolationEvents(prefix: string): void {
	document.addEventListener('securitypolicyviolation', (event) => {
		console.error(`${prefix} ${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} in ${event.sourceFile || event.documentURI}:${event.lineNumber}`);
	});
}

export const test = base.extend({
	context: async ({ context }, use, testInfo) => {
		const violations: string[] = [];
		context.on('console', (message) => {
			const text = message.text();
			if (!CSP_CONSOLE.test(text) && !text.startsWith(EVENT_PREFIX)) return;
			const where = message.worker()?.url() ?? message.page()?.url() ?? message.location().url;
			violations.push(`${where}: ${text}`);
		});
		await context.addInitScript(reportViolationEvents, EVENT_PREFIX);
		await use(context);
		if (violations.length > 0) await testInfo.attach('csp-violations', { body: violations.join('\n'), contentType: 'text/plain' });
		expect(violations, 'nothing in the app may break its Content-Security-Policy').toEqual([]);
	}
});

export { expect };
