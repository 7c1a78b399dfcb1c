#!/usr/bin/env node
// The keepalived-lint executable as packaged: scripts/bundle-cli.mjs turns this
// into dist/cli/main.cjs. CommonJS on purpose: Node starts a CommonJS main
// ~20 ms sooner than an ES module one (no ES module loader to set up).
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { loadBundledRun } from "./bundle-loader.js";
import { runLargeInputInChild } from "./large-input.js";
import { runProcess } from "./process-main.js";

const dir = dirname(fileURLToPath(import.meta.url));
// Before the bundle is loaded: a large input is linted by a child with V8 tuned for it (large-input.ts).
if (!runLargeInputInChild(process.argv.slice(2))) void runProcess(() => loadBundledRun(dir));
