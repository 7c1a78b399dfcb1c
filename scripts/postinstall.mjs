// Builds the package after `npm install` / `npm ci` in a checkout; does
// nothing where the package was installed from its tarball (dist/ is already
// there, and tsconfig.build.json and the compilers are not).
//
// Why postinstall and not prepare: `npm pack` runs prepare and prints its
// "> keepalived-lint@… build" banner on standard output, and pre-commit takes
// pack's whole standard output as the tarball's file name. With no pack-time
// script, npm can print what it normally prints everywhere else.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

if (existsSync(new URL("../tsconfig.build.json", import.meta.url))) {
  const npm = process.env.npm_execpath;
  const r = npm
    ? spawnSync(process.execPath, [npm, "run", "build"], { stdio: "inherit" })
    : spawnSync("npm", ["run", "build"], { stdio: "inherit", shell: process.platform === "win32" });
  process.exit(r.status ?? 1);
}
