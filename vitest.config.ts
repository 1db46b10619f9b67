import { defineConfig } from "vitest/config";

// Two machine zones on purpose: the engine's unit tests run with the machine in Europe/Paris,
// everything on the emulator with the machine in UTC, and both use spreadsheet zones that differ
// from the machine's, so no code can lean on the machine's zone unnoticed.
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
          name: "emulator",
          include: ["test/emulator/**/*.test.ts", "test/integration/**/*.test.ts"],
          env: { TZ: "UTC" },
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
