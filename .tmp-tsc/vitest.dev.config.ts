import { defineConfig } from "vitest/config";
export default defineConfig({
  test: { root: "/work/main", include: ["test/browser/playground*.test.ts"], env: { TZ: "UTC" }, testTimeout: 60_000, hookTimeout: 60_000, fileParallelism: false },
});
