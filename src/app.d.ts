// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Bridge } from '$lib/server/bridge/startBridge';

declare global {
	namespace App {
		interface Error {
			code?: string;
		}
		interface Locals {
			/** The running bridge's services, set for every request by `hooks.server.ts` (absent only while it starts). */
			bridge: Bridge | null;
		}
	}
}

export {};
