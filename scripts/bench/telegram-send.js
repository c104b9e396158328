#!/usr/bin/env node
'use strict';
// `npm run bench`: Telegram sends at the limit in a real n8n, our Telegram Bot node beside n8n's
// own Telegram node (test/bench/telegram-send.ts does the work). Needs a build (dist/).
require('../lib/run-bench').runBench('test/bench/telegram-send.ts');
