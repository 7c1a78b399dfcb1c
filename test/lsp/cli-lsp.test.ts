// `keepalived-lint lsp --stdio` is the same server as keepalived-language-server.
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { expect, test } from "vitest";
import { repoRoot, startClient } from "./client.js";

test("keepalived-lint lsp --stdio answers initialize and publishes diagnostics", async () => {
  const client = await startClient({ bin: resolve(repoRoot, "dist/cli/main.cjs"), args: ["lsp", "--stdio"] });
  try {
    const uri = pathToFileURL(resolve(repoRoot, "examples/memcached-three-nodes/node1.conf")).href;
    const text = "vrrp_instance V {\n  state MASTER\n  nopreempt\n  priority 100\n}\n";
    await client.open(uri, text);
    const ds = await client.diagnostics(uri, (d) => d.some((x) => x.code === "nopreempt-state-master"));
    expect(ds.find((x) => x.code === "nopreempt-state-master")?.range.start).toEqual({ line: 2, character: 2 });
  } finally {
    await client.close();
  }
});
