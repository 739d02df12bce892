#!/usr/bin/env node
// The one CLI. Compiled code lives in dist/ (built by `npm run build`, run from `prepare`).
import '../dist/cli/main.js';
