#!/usr/bin/env node
// The keepalived-lint executable as packaged: scripts/bundle-cli.mjs turns this
// into dist/cli/main.cjs. CommonJS on purpose: Node starts a CommonJS main
// ~20 ms sooner than an ES module one (no ES module loader to set up).
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { loadBundledRun, loadModuleRun } from "./bundle-loader.js";
import { runProcess } from "./process-main.js";

const dir = dirname(fileURLToPath(import.meta.url));
// KEEPALIVED_LINT_DEBUG asks for stacks: they name functions only in the unminified modules.
void runProcess(() => (process.env.KEEPALIVED_LINT_DEBUG ? loadModuleRun(dir) : loadBundledRun(dir)));
