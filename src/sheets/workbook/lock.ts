/**
 * Serialises the add-on's writes to a spreadsheet: saving or deleting objectives, building the
 * dashboard and importing an export all hold the document lock, so two people (or two clicks) never interleave their rows.
 *
 * Apps Script cannot say who holds a lock, so the holder notes what it is doing in the document
 * cache for as long as it holds it; a refused caller reads the note to say what is running.
 */

/** What holds the lock: each gets its own "busy" message. */
export type LockTask = "save" | "delete" | "build" | "review" | "import" | "preview";

const HOLDER_KEY = "kpiPilot.lockHolder";
/** Longer than any run can last (6 minutes), so a note outlives its run only if the run died. */
const HOLDER_TTL_S = 400;
const TASKS: ReadonlySet<string> = new Set<LockTask>([
  "save",
  "delete",
  "build",
  "review",
  "import",
  "preview",
]);

function cache(): GoogleAppsScript.Cache.Cache | null {
  // CacheService may be unavailable (null) in some authorization modes: then no note is kept.
  return CacheService.getDocumentCache();
}

/**
 * Why a run could not take the lock: what holds it, "unknown" when the holder left no note, or
 * "unavailable" when there is no document lock here at all (LockService may return null in some
 * authorization modes), which must not read as someone else being busy.
 */
export type LockRefusal = LockTask | "unknown" | "unavailable";

/** What the current holder said it is doing. */
function runningTask(): LockTask | "unknown" {
  const value = cache()?.get(HOLDER_KEY) ?? null;
  return value !== null && TASKS.has(value) ? (value as LockTask) : "unknown";
}

/**
 * Runs `body` under the document lock as `task`, or returns `onRefused(why)` if the lock is not
 * free within `waitMs` or does not exist. Pending writes are flushed before the lock is released, so the next
 * holder reads them; the lock is released even when the flush throws.
 */
export function withDocumentLock<T>(
  task: LockTask,
  waitMs: number,
  onRefused: (why: LockRefusal) => T,
  body: () => T,
): T {
  const lock = LockService.getDocumentLock();
  if (!lock) return onRefused("unavailable");
  if (!lock.tryLock(waitMs)) return onRefused(runningTask());
  cache()?.put(HOLDER_KEY, task, HOLDER_TTL_S);
  try {
    return body();
  } finally {
    try {
      SpreadsheetApp.flush();
    } finally {
      cache()?.remove(HOLDER_KEY);
      lock.releaseLock();
    }
  }
}
