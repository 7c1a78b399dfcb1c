/**
 * Subcommands of keepalived-lint. A front end adding a command (e.g. `format`)
 * writes src/<area>/…-command.ts exporting a `register(program, io, done)`
 * function and adds it to SUBCOMMANDS: `done(code)` sets the exit code, a thrown
 * UsageError exits 2 with one line, anything else exits 3.
 */
import type { Command } from "commander";
import type { CliIo } from "../io.js";
import { registerExplain } from "./explain.js";
import { registerParse } from "./parse.js";
import { registerRules } from "./rules.js";
import { registerCluster } from "../../cluster/cluster-command.js";
import { registerFormat } from "../format-command.js";
import { registerLsp } from "../../lsp/lsp-command.js";

export type RegisterCommand = (program: Command, io: CliIo, done: (code: number) => void) => void;

export const SUBCOMMANDS: RegisterCommand[] = [registerRules, registerExplain, registerParse, registerCluster, registerFormat, registerLsp];
