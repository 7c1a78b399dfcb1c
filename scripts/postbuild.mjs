// Marks the built entry points executable (npm sets the bit on install, but
// `pre-commit` and direct `node_modules/.bin` links from a clean clone need it).
import { chmodSync, existsSync } from "node:fs";
for (const f of ["dist/cli/main.cjs", "dist/src/cli/main.js", "dist/src/lsp/bin.js"]) {
  if (existsSync(f)) chmodSync(f, 0o755);
}
