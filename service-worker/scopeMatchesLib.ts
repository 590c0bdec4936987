/**
 * Type-level only: compiled by `tsc -p service-worker` (webworker lib), never imported or bundled.
 * Fails the type check if the narrow types in `scope.ts` stop matching the browser's real ones.
 */
import type { WorkerEvent, WorkerFetchEvent, WorkerMessageEvent, WorkerScope } from './scope';

type Satisfies<Real extends Narrow, Narrow> = [Real, Narrow];

export type ScopeMatchesLib = [
	Satisfies<ServiceWorkerGlobalScope, WorkerScope>,
	Satisfies<ExtendableEvent, WorkerEvent>,
	Satisfies<FetchEvent, WorkerFetchEvent>,
	Satisfies<ExtendableMessageEvent, WorkerMessageEvent>
];
