#!/usr/bin/env node
console.error("keepalived-lint: not built yet");
process.exit(2);
