#!/usr/bin/env node
'use strict';
// Trigger overhead in a real n8n 2.x (issue #15): our AI Task and Telegram Bot triggers beside
// n8n's Webhook node and n8n's own Telegram Trigger, plus the long-polling latency
// (test/bench/trigger-overhead.ts does the work). Needs a build (`npm run build`); exits 1 when
// a target is missed.
require('../lib/run-bench').runBench('test/bench/trigger-overhead.ts');
