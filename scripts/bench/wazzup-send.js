#!/usr/bin/env node
'use strict';
// `npm run bench`: 1,000 Wazzup sends through the fake with injected 5xx and dropped connections
// (test/bench/wazzup-send.ts does the work). Prints delivered / lost / duplicated and the wall
// time against the rate limit's minimum, beside a model of n8n's own HTTP Request node with
// Retry On Fail on the same faults.
require('../lib/run-bench').runBench('test/bench/wazzup-send.ts');
