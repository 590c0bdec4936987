import { z } from 'zod';

// Under the Content-Security-Policy (kit.csp in svelte.config.js; no 'unsafe-eval') zod cannot
// compile its fast parsers anyway, but it finds that out by trying `new Function("")`, which the
// browser reports as a violation on every page. `jitless` skips the probe; parsing is what it would
// be under the policy either way (colinhacks/zod, `allowsEval` in v4/core/util).
z.config({ jitless: true });
