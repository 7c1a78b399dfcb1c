#!/usr/bin/env node
// keepalived-lint from the unbundled modules (the package's bin is the bundle, see bundle-main.ts).
import module from "node:module";
import { runProcess } from "./process-main.js";

// Node 22+ can cache compiled code between runs (as tsc does); it must be on before the CLI's modules load.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
await runProcess(async () => (await import("./run.js")).run);
