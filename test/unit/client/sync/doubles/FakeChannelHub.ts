import type { Channel } from '$lib/client/sync/platform';

type Member = { tab: string; channel: Channel; closed: boolean; isDead: () => boolean };

/** BroadcastChannel among simulated tabs: asynchronous, structured-cloned, never to the sender. */
export class FakeChannelHub {
	#members: Member[] = [];
	delivered = 0;

	open(tab: string, isDead: () => boolean = () => false): Channel {
		const member: Member = {
			tab,
			closed: false,
			isDead,
			channel: {
				onmessage: null,
				postMessage: (message: unknown) => {
					if (member.closed || member.isDead()) return;
					for (const other of this.#members) {
						if (other === member) continue;
						const data = structuredClone(message);
						queueMicrotask(() => {
							if (other.closed || other.isDead()) return;
							this.delivered += 1;
							other.channel.onmessage?.({ data });
						});
					}
				},
				close: () => {
					member.closed = true;
				}
			}
		};
		this.#members.push(member);
		return member.channel;
	}
}
