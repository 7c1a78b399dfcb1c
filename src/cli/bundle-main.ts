#!/usr/bin/env node
// The keepalived-lint executable as packaged: scripts/bundle-cli.mjs turns this into dist/cli/main.js.
import { loadBundledRun } from "./bundle-loader.js";
import { runProcess } from "./process-main.js";

await runProcess(loadBundledRun);
