/**
 * The playground's workbook on disk: written after each change through a temporary file and a
 * rename, so a crash mid-write never leaves half a workbook; a file that cannot be read is kept
 * aside as .bak (never silently wiped) and the playground starts fresh, saying so.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

export const STATE_FORMAT = "kpi-pilot-playground";
export const STATE_VERSION = 1;

export interface StateFile<W> {
  format: typeof STATE_FORMAT;
  version: typeof STATE_VERSION;
  savedAt: string;
  /** True until the first change: a pristine workbook takes the locale of whoever opens it. */
  pristine: boolean;
  workbook: W;
}

export type LoadResult<W> =
  | { kind: "missing" }
  | { kind: "loaded"; state: StateFile<W> }
  | { kind: "corrupt"; message: string; backup: string };

export function readStateFile<W>(path: string, check: (workbook: unknown) => W): LoadResult<W> {
  if (!existsSync(path)) return { kind: "missing" };
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8")) as Partial<StateFile<unknown>>;
    if (parsed?.format !== STATE_FORMAT) throw new Error("not a KPI Pilot playground file");
    if (parsed.version !== STATE_VERSION)
      throw new Error(`unknown version ${String(parsed.version)}`);
    const workbook = check(parsed.workbook);
    return {
      kind: "loaded",
      state: {
        format: STATE_FORMAT,
        version: STATE_VERSION,
        savedAt: String(parsed.savedAt ?? ""),
        pristine: parsed.pristine === true,
        workbook,
      },
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const backup = freeBackupName(path);
    renameSync(path, backup);
    return { kind: "corrupt", message, backup };
  }
}

function freeBackupName(path: string): string {
  if (!existsSync(`${path}.bak`)) return `${path}.bak`;
  for (let i = 2; ; i++) if (!existsSync(`${path}.${i}.bak`)) return `${path}.${i}.bak`;
}

export function writeStateFile<W>(path: string, workbook: W, pristine: boolean): void {
  const state: StateFile<W> = {
    format: STATE_FORMAT,
    version: STATE_VERSION,
    savedAt: new Date().toISOString(),
    pristine,
    workbook,
  };
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(state));
  renameSync(temp, path);
}
