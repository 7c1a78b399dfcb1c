#!/usr/bin/env node
console.error("keepalived-language-server: not built yet");
process.exit(2);
