/**
 * LockService, and the executions that contend for its locks.
 *
 * A Lock belongs to the execution that asked LockService for it (the one running at that
 * moment, see Ctx.executions), as in Apps Script where each run of a script is its own process.
 * Within one execution a lock is re-entrant: every Lock object of that kind shares it. Time does
 * not pass, so a lock another execution holds makes tryLock answer false at once and waitLock
 * throw, whatever the timeout.
 */
import { type Ctx, INTERNAL, instrument, type LockHolder, type LockKind } from "../state.ts";

type GLock = GoogleAppsScript.Lock.Lock;

export class EmuLockService
  implements
    Pick<GoogleAppsScript.Lock.LockService, "getDocumentLock" | "getScriptLock" | "getUserLock">
{
  readonly [INTERNAL]: { ctx: Ctx };
  constructor(ctx: Ctx) {
    this[INTERNAL] = { ctx };
  }
  getDocumentLock(): GLock {
    const ctx = this[INTERNAL].ctx;
    // Apps Script documents null outside a containing document (standalone script, web app);
    // @types/google-apps-script says Lock, so code that forgets the check still type-checks.
    if (ctx.documentLockUnavailable) return null as unknown as GLock;
    return new EmuLock(ctx, "document") as unknown as GLock;
  }
  getScriptLock(): GLock {
    return new EmuLock(this[INTERNAL].ctx, "script") as unknown as GLock;
  }
  getUserLock(): GLock {
    return new EmuLock(this[INTERNAL].ctx, "user") as unknown as GLock;
  }
}
instrument(EmuLockService, "LockService");

export class EmuLock implements Pick<GLock, "hasLock" | "releaseLock" | "tryLock" | "waitLock"> {
  readonly [INTERNAL]: { ctx: Ctx; kind: LockKind; execution: number };
  constructor(ctx: Ctx, kind: LockKind) {
    this[INTERNAL] = { ctx, kind, execution: ctx.executions.current };
  }
  hasLock(): boolean {
    return this.holder() === this.execution();
  }
  releaseLock(): void {
    if (this.holder() === this.execution()) this.set(undefined);
  }
  tryLock(timeoutInMillis: number): boolean {
    checkTimeout(timeoutInMillis, "Lock.tryLock");
    const holder = this.holder();
    if (holder !== undefined && holder !== this.execution()) return false;
    this.set(this.execution());
    return true;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis))
      throw new Error("Lock timeout: another process was holding the lock for too long.");
  }
  private execution(): number {
    const { ctx, execution } = this[INTERNAL];
    if (ctx.executions.ended.has(execution))
      throw new Error(`emulator: this Lock belongs to execution ${execution}, which has ended`);
    return execution;
  }
  private holder(): number | undefined {
    return this[INTERNAL].ctx.executions.locks[this[INTERNAL].kind];
  }
  private set(execution: number | undefined): void {
    this[INTERNAL].ctx.executions.locks[this[INTERNAL].kind] = execution;
  }
}
instrument(EmuLock, "Lock");

function checkTimeout(ms: unknown, where: string): void {
  if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0)
    throw new Error(`emulator: ${where} expects a timeout in ms`);
  if (ms > 300_000)
    throw new Error(`emulator: ${where}: ${ms} ms exceeds Apps Script's 300000 ms maximum`);
}

// ── executions ──────────────────────────────────────────────────────────────────────────────────

/** Another run of the add-on against the same workbook: another user, another click. */
export interface Execution {
  readonly id: number;
  /**
   * Runs `fn` as this execution: the locks LockService hands out inside belong to it (and keep
   * belonging to it after `fn` returns). Runs may nest; the previous execution is restored.
   */
  run<T>(fn: () => T): T;
  /** The execution finishes: the locks it still holds are released, as Apps Script does. */
  end(): void;
  readonly ended: boolean;
}

export function startExecution(ctx: Ctx): Execution {
  const ex = ctx.executions;
  const id = ex.next++;
  return {
    id,
    run<T>(fn: () => T): T {
      if (ex.ended.has(id)) throw new Error(`emulator: execution ${id} has ended`);
      const previous = ex.current;
      ex.current = id;
      try {
        return fn();
      } finally {
        ex.current = previous;
      }
    },
    end() {
      if (ex.ended.has(id)) return;
      ex.ended.add(id);
      for (const kind of LOCK_KINDS) if (ex.locks[kind] === id) ex.locks[kind] = undefined;
    },
    get ended() {
      return ex.ended.has(id);
    },
  };
}

const LOCK_KINDS: readonly LockKind[] = ["document", "script", "user"];

/** Who holds each lock, seen from the execution running now. */
export function lockState(ctx: Ctx): Record<LockKind, LockHolder> {
  const { current, locks } = ctx.executions;
  const seen = (h: number | undefined): LockHolder =>
    h === undefined ? "free" : h === current ? "self" : "other";
  return { document: seen(locks.document), script: seen(locks.script), user: seen(locks.user) };
}

/**
 * Another execution takes the document lock and keeps it until the returned function is called
 * (which also ends that execution).
 */
export function holdDocumentLock(ctx: Ctx): () => void {
  const held = lockState(ctx).document;
  if (held !== "free") {
    throw new Error(
      held === "self"
        ? "emulator: holdDocumentLock: this execution holds the document lock already"
        : "emulator: holdDocumentLock: another execution holds the document lock already",
    );
  }
  const other = startExecution(ctx);
  // Set directly rather than through a Lock, so the call counts stay the add-on's own.
  ctx.executions.locks.document = other.id;
  return () => other.end();
}
