/** Throw-away directories of configuration files for oracle tests. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const made: string[] = [];

/** Writes `files` (paths relative to a new temp dir) and returns the dir's absolute path. */
export function writeTree(files: Record<string, string>): string {
  // realpath: os.tmpdir() may be a symlink, keepalived prints the path we pass
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "ka-oracle-test-")));
  made.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  return dir;
}

/** KEEP_ORACLE_TREES=1 leaves the directories in place, to look at a disagreement by hand. */
export function removeTrees(): void {
  if (process.env.KEEP_ORACLE_TREES) return;
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}
