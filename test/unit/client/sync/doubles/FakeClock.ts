import type { Clock } from '$lib/client/sync/platform';

type Timer = { at: number; seq: number; callback: () => void; live: boolean };

/**
 * A clock that moves only when the test says. fake-indexeddb runs on real timers, so tests fake
 * time by injecting this rather than with vi.useFakeTimers (local-first notes §2).
 */
export class FakeClock implements Clock {
	#now: number;
	#seq = 0;
	#timers: Timer[] = [];

	constructor(start = Date.parse('2026-11-23T14:00:00.000Z')) {
		this.#now = start;
	}

	now(): number {
		return this.#now;
	}

	setTimer(ms: number, callback: () => void): () => void {
		const timer: Timer = { at: this.#now + Math.max(0, ms), seq: this.#seq++, callback, live: true };
		this.#timers.push(timer);
		return () => {
			timer.live = false;
		};
	}

	/** Moves time forward, firing due timers in order (each at its own time). */
	advance(ms: number): void {
		const target = this.#now + ms;
		for (;;) {
			const due = this.#timers.filter((t) => t.live && t.at <= target).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
			if (!due) break;
			due.live = false;
			this.#now = due.at;
			due.callback();
		}
		this.#timers = this.#timers.filter((t) => t.live);
		this.#now = target;
	}

	/** When the next live timer fires, if any. */
	nextTimerAt(): number | null {
		const live = this.#timers.filter((t) => t.live).map((t) => t.at);
		return live.length === 0 ? null : Math.min(...live);
	}

	/** A view whose timers stop firing once `isDead()` (a crashed tab runs no more code). */
	forTab(isDead: () => boolean): Clock {
		return {
			now: () => this.now(),
			setTimer: (ms, callback) =>
				this.setTimer(ms, () => {
					if (!isDead()) callback();
				})
		};
	}
}
