#!/usr/bin/env node
// keepalived-language-server: speaks LSP on stdio (also --node-ipc, --socket=N, --pipe=NAME).
import { startServer } from "./server.js";

startServer();
