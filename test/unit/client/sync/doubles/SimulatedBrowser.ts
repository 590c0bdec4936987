import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createBridgeApi } from '$lib/client/api/bridgeApi';
import { PaysplitDb } from '$lib/client/db/PaysplitDb';
import { createSyncEngine, type SyncEngine, type SyncEngineOptions } from '$lib/client/sync/createSyncEngine';
import type { SyncPlatform, Wakeups } from '$lib/client/sync/platform';
import type { SyncTrigger } from '$lib/client/sync/SyncTrigger';
import { FakeBridge } from './FakeBridge';
import { FakeChannelHub } from './FakeChannelHub';
import { FakeClock } from './FakeClock';
import { FakeLockManager } from './FakeLockManager';

export type Tab = {
	id: string;
	db: PaysplitDb;
	engine: SyncEngine;
	dead: boolean;
	/** Fires a browser wakeup (`online`, `visible`) in this tab. */
	wake(trigger: SyncTrigger): void;
};

/**
 * One browser profile: one IndexedDB, one lock manager, one channel, one clock; tabs come and go,
 * each with its own database connection and sync engine; one fake bridge on the network.
 */
export class SimulatedBrowser {
	readonly indexedDB = new IDBFactory();
	readonly clock = new FakeClock();
	readonly locks = new FakeLockManager();
	readonly hub = new FakeChannelHub();
	readonly bridge: FakeBridge;
	readonly tabs: Tab[] = [];
	#count = 0;
	/** The `random()` every tab's platform uses (fixed unless a test changes it). */
	random: () => number = () => 0.5;

	constructor(bridge = new FakeBridge()) {
		this.bridge = bridge;
	}

	newDb(): PaysplitDb {
		return new PaysplitDb({ indexedDB: this.indexedDB, IDBKeyRange });
	}

	openTab(options: Partial<Omit<SyncEngineOptions, 'db' | 'api' | 'platform'>> = {}): Tab {
		this.#count += 1;
		const id = `tab${this.#count}`;
		const listeners = new Set<(trigger: SyncTrigger) => void>();
		const wakeups: Wakeups = {
			subscribe(listener) {
				listeners.add(listener);
				return () => listeners.delete(listener);
			}
		};
		const tab: Tab = {
			id,
			db: this.newDb(),
			dead: false,
			engine: undefined as unknown as SyncEngine,
			wake: (trigger) => {
				for (const listener of listeners) listener(trigger);
			}
		};
		const isDead = () => tab.dead;
		const platform: SyncPlatform = {
			clock: this.clock.forTab(isDead),
			locks: this.locks.forTab(id),
			channel: this.hub.open(id, isDead),
			wakeups,
			random: () => this.random()
		};
		const api = createBridgeApi({ fetch: this.bridge.fetchFor(id, isDead), token: () => 'device-token' });
		tab.engine = createSyncEngine({ db: tab.db, api, platform, log: () => {}, ...options });
		this.tabs.push(tab);
		tab.engine.start();
		return tab;
	}

	liveTabs(): Tab[] {
		return this.tabs.filter((t) => !t.dead);
	}

	/**
	 * The tab dies: no more of its code runs, its locks are freed (the next tab in line becomes the
	 * leader), its requests still in the network may still reach the bridge, but no answer reaches it.
	 */
	crash(tab: Tab): void {
		tab.dead = true;
		this.locks.crash(tab.id);
		tab.db.close();
	}

	/**
	 * Lets `ms` of fake time pass, timer by timer, letting the tabs finish what each timer started
	 * before the next one fires: the app's own work takes next to no time next to its timers. (A
	 * bare `clock.advance` would fire the 2 s health timeout of a run it had just started.)
	 */
	async advance(ms: number): Promise<void> {
		const target = this.clock.now() + ms;
		for (;;) {
			const next = this.clock.nextTimerAt();
			if (next === null || next > target) break;
			this.clock.advance(next - this.clock.now());
			await this.settle();
		}
		this.clock.advance(target - this.clock.now());
		await this.settle();
	}

	/**
	 * Lets every live tab run until each is idle or waiting for a held request. Real time passes
	 * here (fake-indexeddb works on real timers); the fake clock does not move.
	 */
	async settle(maxRounds = 20_000): Promise<void> {
		let quiet = 0;
		for (let round = 0; round < maxRounds; round++) {
			const busy = this.liveTabs().filter((t) => !this.bridge.isHolding(t.id));
			const idle = await Promise.all(busy.map((t) => Promise.race([t.engine.whenIdle().then(() => true), tick().then(() => false)])));
			if (idle.every(Boolean)) {
				await tick();
				quiet += 1;
				if (quiet >= 3) return;
			} else quiet = 0;
		}
		throw new Error('the tabs did not settle');
	}
}

export function tick(): Promise<void> {
	return new Promise((resolve) => setImmediate(resolve));
}
