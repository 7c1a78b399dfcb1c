import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Builds the package when sources changed: test/cli, test/lsp and test/package run the built executables.
    globalSetup: ["test/global-setup.ts"],
    setupFiles: ["test/setup-fast-check.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
