// Kit bundles this file as /service-worker.js. The worker's code lives in /service-worker (split by
// concern, unit-tested with stubbed globals); only this file touches Kit's `$service-worker`.
import { base, build, files, version } from '$service-worker';
import { installServiceWorker } from '../service-worker/index';

installServiceWorker({ base, build, files, version });
