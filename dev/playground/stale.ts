/**
 * Whether dist/ must be rebuilt before serving: a built file is missing, or a source of the build
 * (src/, sidebar/, dev/build*.ts, appsscript.json) is newer than the oldest built file.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export const BUILT_FILES = ["Code.js", "Sidebar.html", "appsscript.json"] as const;

function newestUnder(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    newest = Math.max(newest, newestUnder(join(path, entry.name)));
  }
  return newest;
}

export interface Staleness {
  stale: boolean;
  reason: string;
}

export function distStaleness(root: string, dist: string): Staleness {
  let oldestBuilt = Number.POSITIVE_INFINITY;
  for (const file of BUILT_FILES) {
    const path = join(dist, file);
    if (!existsSync(path)) return { stale: true, reason: `dist/${file} is missing` };
    oldestBuilt = Math.min(oldestBuilt, statSync(path).mtimeMs);
  }
  const devBuild = readdirSync(join(root, "dev"))
    .filter((f) => /^build.*\.ts$/.test(f))
    .map((f) => join("dev", f));
  const sources = ["src", "sidebar", "appsscript.json", ...devBuild];
  for (const source of sources) {
    if (newestUnder(join(root, source)) > oldestBuilt) {
      return { stale: true, reason: `${source} changed since the last build` };
    }
  }
  return { stale: false, reason: "dist/ is up to date" };
}
