import { expect } from "vitest";
import { findFunction } from "../../src/kpi/functions/index.ts";
import type { EngineContext } from "../../src/kpi/types.ts";

/** English sheet in UTC: most rule tests. */
export const EN: EngineContext = { timeZone: "UTC", locale: "en_US" };
/** French sheet in Paris. */
export const FR: EngineContext = { timeZone: "Europe/Paris", locale: "fr_FR" };

export function ctxOf(timeZone: string, locale = "en_US"): EngineContext {
  return { timeZone, locale };
}

/** A context whose zone and locale must not be read (numbers only need neither). */
export function untouchableCtx(): EngineContext & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    get timeZone() {
      reads.push("timeZone");
      return "UTC";
    },
    get locale() {
      reads.push("locale");
      return "en_US";
    },
  };
}

export function call(name: string, args: readonly unknown[], ctx: EngineContext = EN): unknown {
  const spec = findFunction(name);
  if (!spec) throw new Error(`no function ${name}`);
  return spec.run(ctx, args);
}

/** A one-column range. */
export function col(...values: unknown[]): unknown[][] {
  return values.map((v) => [v]);
}

/** An instant from an ISO string with an explicit offset or Z: independent of the engine. */
export function at(iso: string): Date {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new Error(`bad instant ${iso}`);
  return d;
}

/** A UTC midnight (what the examples use with the UTC context). */
export function utcDay(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}

/** The error message thrown by f. */
export function errorOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected an error, none thrown");
}

/** toBeCloseTo that also insists on a number (toBeCloseTo alone lets null and undefined pass as 0). */
export function close(actual: unknown, expected: number, digits = 9): void {
  expect(typeof actual).toBe("number");
  expect(actual).toBeCloseTo(expected, digits);
}
