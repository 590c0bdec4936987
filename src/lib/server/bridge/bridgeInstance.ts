import type { Bridge } from './startBridge';

/**
 * The one running bridge of this process, set by the server's `init` hook and read by routes.
 * (SvelteKit routes are modules, so the composition root hands its result over here.)
 */
let instance: Bridge | null = null;

export function setBridge(bridge: Bridge | null): void {
	instance = bridge;
}

export function getBridge(): Bridge {
	if (!instance) throw new Error('The bridge has not started yet');
	return instance;
}
