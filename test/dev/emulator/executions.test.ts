/** Separate executions contending for locks, a null document lock, and a flush that fails. */
import { describe, expect, it } from "vitest";
import { createEmulator } from "../../../dev/emulator/index.ts";

describe("executions and locks", () => {
  it("a lock held by one execution is refused to another until released", () => {
    const emu = createEmulator();
    const { LockService } = emu.globals;
    const a = emu.startExecution();
    const b = emu.startExecution();
    const lockA = a.run(() => LockService.getDocumentLock());
    const lockB = b.run(() => LockService.getDocumentLock());

    expect(lockA.tryLock(1000)).toBe(true);
    expect(lockA.hasLock()).toBe(true);
    expect(lockB.tryLock(1000)).toBe(false);
    expect(lockB.hasLock()).toBe(false);
    expect(() => lockB.waitLock(1000)).toThrow(
      "Lock timeout: another process was holding the lock for too long.",
    );
    // The default execution is a third one: it is refused too.
    expect(LockService.getDocumentLock().tryLock(0)).toBe(false);
    expect(emu.lockState().document).toBe("other");
    expect(a.run(() => emu.lockState().document)).toBe("self");

    lockB.releaseLock(); // not its lock: nothing happens
    expect(lockA.hasLock()).toBe(true);

    lockA.releaseLock();
    expect(emu.lockState().document).toBe("free");
    expect(lockB.tryLock(0)).toBe(true);
    expect(b.run(() => emu.lockState().document)).toBe("self");
    expect(lockA.tryLock(0)).toBe(false);
  });

  it("within one execution the lock is re-entrant across Lock objects", () => {
    const emu = createEmulator();
    const { LockService } = emu.globals;
    const first = LockService.getDocumentLock();
    expect(first.tryLock(0)).toBe(true);
    expect(LockService.getDocumentLock().tryLock(0)).toBe(true);
    expect(LockService.getDocumentLock().hasLock()).toBe(true);
    expect(emu.lockState()).toEqual({ document: "self", script: "free", user: "free" });
  });

  it("the kinds of lock are independent", () => {
    const emu = createEmulator();
    const other = emu.startExecution();
    other.run(() => emu.globals.LockService.getScriptLock().waitLock(10));
    expect(emu.lockState()).toEqual({ document: "free", script: "other", user: "free" });
    expect(emu.globals.LockService.getDocumentLock().tryLock(0)).toBe(true);
    expect(emu.globals.LockService.getScriptLock().tryLock(0)).toBe(false);
  });

  it("an execution that ends releases its locks, and its Lock objects refuse further use", () => {
    const emu = createEmulator();
    const { LockService } = emu.globals;
    const a = emu.startExecution();
    const lockA = a.run(() => LockService.getUserLock());
    expect(lockA.tryLock(0)).toBe(true);
    expect(emu.lockState().user).toBe("other");
    a.end();
    expect(a.ended).toBe(true);
    expect(emu.lockState().user).toBe("free");
    expect(() => lockA.hasLock()).toThrow(/execution \d+, which has ended/);
    expect(() => a.run(() => 1)).toThrow(/has ended/);
  });

  it("execution(fn) runs fn as a fresh execution and ends it, even when fn throws", () => {
    const emu = createEmulator();
    const { LockService } = emu.globals;
    const result = emu.execution(() => {
      const lock = LockService.getDocumentLock();
      expect(lock.tryLock(0)).toBe(true);
      expect(emu.lockState().document).toBe("self");
      return 42;
    });
    expect(result).toBe(42);
    expect(emu.lockState().document).toBe("free");
    expect(() =>
      emu.execution(() => {
        LockService.getDocumentLock().waitLock(0);
        throw new Error("boom");
      }),
    ).toThrow("boom");
    expect(emu.lockState().document).toBe("free");
  });

  it("holdDocumentLock is another execution, released by the function it returns", () => {
    const emu = createEmulator();
    const { LockService } = emu.globals;
    const release = emu.holdDocumentLock();
    expect(emu.lockState().document).toBe("other");
    expect(LockService.getDocumentLock().tryLock(0)).toBe(false);
    expect(() => emu.holdDocumentLock()).toThrow(/another execution holds the document lock/);
    release();
    release();
    expect(emu.lockState().document).toBe("free");
    const lock = LockService.getDocumentLock();
    expect(lock.tryLock(0)).toBe(true);
    expect(() => emu.holdDocumentLock()).toThrow(/this execution holds the document lock/);
    // holding it did not count as a call the add-on made
    expect(emu.calls.counts()["Lock.tryLock"]).toBe(2);
  });
});

describe("a document lock that is not available", () => {
  it("getDocumentLock() returns null while set, a Lock again once cleared", () => {
    const emu = createEmulator();
    const { LockService } = emu.globals;
    emu.setDocumentLockUnavailable(true);
    expect(LockService.getDocumentLock()).toBeNull();
    expect(LockService.getScriptLock()).not.toBeNull();
    emu.setDocumentLockUnavailable(false);
    expect(LockService.getDocumentLock().tryLock(0)).toBe(true);
  });
});

describe("a flush that fails", () => {
  it("throws the given error from the next flush only", () => {
    const emu = createEmulator();
    const { SpreadsheetApp } = emu.globals;
    SpreadsheetApp.flush();
    const error = new Error("Service Spreadsheets timed out while accessing document");
    emu.failNextFlush(error);
    expect(() => SpreadsheetApp.flush()).toThrow(error);
    expect(() => SpreadsheetApp.flush()).not.toThrow();
  });

  it("throws an emulator error by default", () => {
    const emu = createEmulator();
    emu.failNextFlush();
    expect(() => emu.globals.SpreadsheetApp.flush()).toThrow(/emulator: SpreadsheetApp.flush/);
  });

  it("lets a test check that a lock is released when the flush before the release fails", () => {
    const emu = createEmulator();
    const { LockService, SpreadsheetApp } = emu.globals;
    // The shape of code that releases in `finally` whatever the flush does.
    const withLock = (body: () => void) => {
      const lock = LockService.getDocumentLock();
      if (!lock.tryLock(0)) return;
      try {
        body();
      } finally {
        try {
          SpreadsheetApp.flush();
        } finally {
          lock.releaseLock();
        }
      }
    };
    emu.failNextFlush(new Error("flush failed"));
    expect(() => withLock(() => {})).toThrow("flush failed");
    expect(emu.lockState().document).toBe("free");
  });
});
