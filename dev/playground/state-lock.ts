/**
 * One playground per state file. Two would each keep their own copy of the workbook in memory and
 * overwrite each other's saves without a word, so the second one refuses to start and says which
 * process has the file and where it is served: most often the user simply forgot the first one.
 *
 * The lock is `<state file>.lock`, holding the owner's pid, host and address. It is created whole
 * (written aside, then hard-linked into place, which fails if it exists), so a reader never sees
 * half a lock. A lock whose process is gone (killed, crashed) is stale and taken over.
 */
import { linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { dirname } from "node:path";

export interface LockHolder {
  pid: number;
  host?: string;
  /** The playground's address, once it listens. */
  url?: string;
  since?: string;
}

export interface StateLock {
  path: string;
  /** Records the address the playground is served on, for whoever is refused next. */
  setUrl(url: string): void;
  /** Removes the lock if it is still this process's. */
  release(): void;
}

export type LockResult =
  | { ok: true; lock: StateLock; tookOverFrom?: LockHolder }
  | { ok: false; holder: LockHolder };

export function lockPathFor(stateFile: string): string {
  return `${stateFile}.lock`;
}

function readHolder(path: string): LockHolder | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8")) as Partial<LockHolder>;
    if (typeof parsed.pid !== "number" || !Number.isInteger(parsed.pid) || parsed.pid <= 0)
      return undefined;
    return {
      pid: parsed.pid,
      ...(typeof parsed.host === "string" ? { host: parsed.host } : {}),
      ...(typeof parsed.url === "string" ? { url: parsed.url } : {}),
      ...(typeof parsed.since === "string" ? { since: parsed.since } : {}),
    };
  } catch {
    return undefined;
  }
}

/** Whether the lock's process still runs; a lock from another machine is assumed alive. */
export function holderAlive(holder: LockHolder): boolean {
  if (holder.host !== undefined && holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function writeWhole(path: string, holder: LockHolder): boolean {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(holder));
  try {
    linkSync(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    unlinkSync(temp);
  }
}

/**
 * Moves a stale lock out of the way, unless another starter got there first: the lock moved
 * aside is read again, and put back if it is not the stale one that was judged.
 */
function removeStale(path: string, stale: LockHolder | undefined): void {
  const aside = `${path}.${process.pid}.stale`;
  try {
    renameSync(path, aside);
  } catch {
    return;
  }
  const moved = readHolder(aside);
  const same = moved?.pid === stale?.pid && (moved === undefined || !holderAlive(moved));
  if (!same) {
    try {
      linkSync(aside, path);
    } catch {
      // A newer lock is in place already; this one was stale after all.
    }
  }
  unlinkSync(aside);
}

export function lockStateFile(stateFile: string): LockResult {
  const path = lockPathFor(stateFile);
  mkdirSync(dirname(path), { recursive: true });
  const mine: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  let tookOverFrom: LockHolder | undefined;
  for (let attempt = 0; attempt < 5; attempt++) {
    if (writeWhole(path, mine)) {
      const lock: StateLock = {
        path,
        setUrl(url) {
          if (readHolder(path)?.pid !== process.pid) return;
          const temp = `${path}.${process.pid}.tmp`;
          writeFileSync(temp, JSON.stringify({ ...mine, url }));
          renameSync(temp, path);
        },
        release() {
          try {
            if (readHolder(path)?.pid === process.pid) unlinkSync(path);
          } catch {
            // Gone already.
          }
        },
      };
      return tookOverFrom ? { ok: true, lock, tookOverFrom } : { ok: true, lock };
    }
    const holder = readHolder(path);
    if (holder?.pid === process.pid) {
      // Left by this very process, or by a dead one whose pid it now has: not another playground.
      try {
        unlinkSync(path);
      } catch {
        // Gone already.
      }
      continue;
    }
    if (holder && holderAlive(holder)) return { ok: false, holder };
    // A dead process's lock, or one that is not a lock at all (emptied, hand-edited).
    tookOverFrom = holder ?? { pid: 0 };
    removeStale(path, holder);
  }
  const holder = readHolder(path);
  return { ok: false, holder: holder ?? { pid: 0 } };
}
