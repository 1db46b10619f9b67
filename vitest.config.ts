import { defineConfig } from "vitest/config";

// The projects follow the testing ladder: unit (pure code), sheets (src/sheets on the emulator),
// dev (the emulator and the playground themselves), bundle (dist/ in node:vm), browser (Chromium).
// Two machine zones on purpose: the pure tests run with the machine in Europe/Paris, everything
// on the emulator with the machine in UTC, and both use spreadsheet zones that differ from the
// machine's, so no code can lean on the machine's zone unnoticed.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts"],
          env: { TZ: "Europe/Paris" },
        },
      },
      {
        test: {
          name: "sheets",
          include: ["test/sheets/**/*.test.ts"],
          env: { TZ: "UTC" },
        },
      },
      {
        test: {
          name: "dev",
          include: ["test/dev/**/*.test.ts"],
          // The playground server's tests start the built bundle.
          globalSetup: ["test/build-once.ts"],
          env: { TZ: "UTC" },
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "bundle",
          include: ["test/bundle/**/*.test.ts"],
          globalSetup: ["test/build-once.ts"],
          env: { TZ: "UTC" },
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          globalSetup: ["test/build-once.ts"],
          env: { TZ: "UTC" },
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One Chromium at a time on a 2-core machine.
          fileParallelism: false,
        },
      },
    ],
  },
});
