/**
 * Serialises the add-on's writes to a spreadsheet: saving objectives and building the dashboard
 * both hold the document lock, so two people (or two clicks) never interleave their rows.
 */

/**
 * Runs `body` under the document lock, or returns `onBusy()` if the lock is not free within
 * `waitMs`. Pending writes are flushed before the lock is released, so the next holder reads them.
 */
export function withDocumentLock<T>(waitMs: number, onBusy: () => T, body: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock?.tryLock(waitMs)) return onBusy();
  try {
    return body();
  } finally {
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}
