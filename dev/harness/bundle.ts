/**
 * Loads the built dist/Code.js in node:vm on an emulator's Apps Script globals, and calls its
 * top-level functions the way google.script.run does: arguments and results must survive the
 * wire (primitives, plain objects, arrays), so a Date or a function fails loudly here too.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { DIST } from "../paths.ts";

export interface LoadedBundle {
  /** The top-level function names, as Apps Script sees them. */
  readonly names: readonly string[];
  /** Calls a top-level function directly, as a trigger or a menu item would. */
  invoke(name: string, args?: readonly unknown[]): unknown;
  /** Calls it as google.script.run does: private names refused, values checked on the wire. */
  run(name: string, args?: readonly unknown[]): unknown;
  /** The script's realm, e.g. for `emulator.setDateConstructor(vm.runInContext("Date", context))`. */
  readonly context: vm.Context;
}

export function readBundle(): string {
  return readFileSync(join(DIST, "Code.js"), "utf8");
}

/** Top-level function declarations of a script, in order. */
export function topLevelFunctionNames(code: string): string[] {
  return [...code.matchAll(/^function ([A-Za-z_$][\w$]*)\s*\(/gm)].map((m) => m[1] as string);
}

/**
 * A Date whose "now" (new Date(), Date.now()) is `now()`: the script then lives on a simulated
 * clock. It extends the host's Date, so the emulator's Dates stay `instanceof Date` inside.
 */
export function clockDate(now: () => number): DateConstructor {
  class ClockDate extends Date {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(now());
      else super(...(args as [number]));
    }
    static override now(): number {
      return now();
    }
  }
  return ClockDate as unknown as DateConstructor;
}

export function loadBundle(
  globals: Readonly<Record<string, unknown>>,
  code: string = readBundle(),
  options: { now?: () => number } = {},
): LoadedBundle {
  // The host's Date (or one on a simulated clock), so that Dates the emulator returns are
  // `instanceof Date` inside the bundle, as Apps Script's are.
  const DateCtor = options.now ? clockDate(options.now) : Date;
  const context = vm.createContext({ ...globals, console, Date: DateCtor });
  vm.runInContext(code, context, { filename: "Code.js" });
  const names = topLevelFunctionNames(code);
  const fn = (name: string) => {
    const value = (context as Record<string, unknown>)[name];
    if (typeof value !== "function") throw new Error(`Script function not found: ${name}`);
    return value as (...args: unknown[]) => unknown;
  };
  return {
    names,
    context,
    invoke: (name, args = []) => fn(name)(...args),
    run(name, args = []) {
      // Apps Script refuses private functions and anything that is not a top-level function.
      if (name.endsWith("_") || !names.includes(name)) {
        throw new Error(`Script function not found: ${name}`);
      }
      const wireArgs = args.map((a, i) => copyOverWire(a, `${name} argument ${i + 1}`));
      return copyOverWire(fn(name)(...wireArgs), `${name} result`);
    },
  };
}

/**
 * google.script.run passes primitives, plain objects and arrays; a Date or undefined inside
 * does not survive. Rather than silently drop such values, the harness refuses them.
 */
export function assertWireSafe<T>(value: T, where: string): T {
  const visit = (v: unknown, path: string): void => {
    if (v === null || typeof v === "string" || typeof v === "boolean") return;
    if (typeof v === "number") {
      if (!Number.isFinite(v))
        throw new Error(`${where}: ${path} is ${v}, which JSON cannot carry`);
      return;
    }
    if (v === undefined) return;
    if (Array.isArray(v)) {
      v.forEach((item, i) => {
        if (item === undefined) throw new Error(`${where}: ${path}[${i}] is undefined`);
        visit(item, `${path}[${i}]`);
      });
      return;
    }
    // The bundle lives in another realm: compare shapes, not constructors.
    const proto = typeof v === "object" ? Object.getPrototypeOf(v) : undefined;
    if (proto === null || (proto && Object.getPrototypeOf(proto) === null)) {
      for (const [k, item] of Object.entries(v as Record<string, unknown>))
        visit(item, `${path}.${k}`);
      return;
    }
    const isDate = Object.prototype.toString.call(v) === "[object Date]";
    const kind = isDate ? "a Date (send an ISO string)" : typeof v;
    throw new Error(`${where}: ${path} is ${kind}, which google.script.run cannot carry`);
  };
  visit(value, "value");
  return value;
}

/** What the other side receives: a checked deep copy, as after serialisation. */
export function copyOverWire<T>(value: T, where: string): T {
  assertWireSafe(value, where);
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
