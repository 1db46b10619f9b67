/** PropertiesService and CacheService. */
import { type Ctx, INTERNAL, instrument } from "../state.ts";
import { kindOf } from "../values.ts";

// ── PropertiesService ───────────────────────────────────────────────────────────────────────────

type Props = GoogleAppsScript.Properties.Properties;

export class EmuPropertiesService
  implements
    Pick<
      GoogleAppsScript.Properties.PropertiesService,
      "getDocumentProperties" | "getScriptProperties" | "getUserProperties"
    >
{
  readonly [INTERNAL]: { ctx: Ctx };
  constructor(ctx: Ctx) {
    this[INTERNAL] = { ctx };
  }
  getDocumentProperties(): Props {
    return new EmuProperties(this[INTERNAL].ctx, "document") as unknown as Props;
  }
  getScriptProperties(): Props {
    return new EmuProperties(this[INTERNAL].ctx, "script") as unknown as Props;
  }
  getUserProperties(): Props {
    return new EmuProperties(this[INTERNAL].ctx, "user") as unknown as Props;
  }
}
instrument(EmuPropertiesService, "PropertiesService");
const MAX_PROPERTY_VALUE = 9 * 1024;

export class EmuProperties
  implements
    Pick<
      Props,
      | "deleteAllProperties"
      | "deleteProperty"
      | "getKeys"
      | "getProperties"
      | "getProperty"
      | "setProperties"
      | "setProperty"
    >
{
  readonly [INTERNAL]: { ctx: Ctx; store: "document" | "script" | "user" };
  constructor(ctx: Ctx, store: "document" | "script" | "user") {
    this[INTERNAL] = { ctx, store };
  }
  deleteAllProperties(): Props {
    this.map().clear();
    return this.self();
  }
  deleteProperty(key: string): Props {
    this.map().delete(String(key));
    return this.self();
  }
  getKeys(): string[] {
    return [...this.map().keys()];
  }
  getProperties(): { [key: string]: string } {
    return Object.fromEntries(this.map());
  }
  getProperty(key: string): string | null {
    return this.map().get(String(key)) ?? null;
  }
  setProperties(properties: { [key: string]: string }, deleteAllOthers?: boolean): Props {
    const entries = Object.entries(properties).map(([k, v]) => [k, propertyValue(k, v)] as const);
    if (deleteAllOthers) this.map().clear();
    for (const [k, v] of entries) this.map().set(k, v);
    return this.self();
  }
  setProperty(key: string, value: string): Props {
    this.map().set(String(key), propertyValue(String(key), value));
    return this.self();
  }
  private map(): Map<string, string> {
    const { ctx, store } = this[INTERNAL];
    return ctx.book.properties[store];
  }
  private self(): Props {
    return this as unknown as Props;
  }
}
instrument(EmuProperties, "Properties");

function propertyValue(key: string, value: unknown): string {
  if (value === null || value === undefined)
    throw new Error(`emulator: property "${key}" set to ${value}; use deleteProperty`);
  // Apps Script stores what String() gives, which is rarely what was meant for objects.
  if (typeof value === "object")
    throw new Error(
      `emulator: property "${key}" set to an ${kindOf(value)}; store JSON.stringify(…)`,
    );
  const text = String(value);
  if (text.length > MAX_PROPERTY_VALUE)
    throw new Error(`Argument too large: value (property "${key}")`);
  return text;
}

// ── CacheService ────────────────────────────────────────────────────────────────────────────────

export class EmuCacheService
  implements
    Pick<
      GoogleAppsScript.Cache.CacheService,
      "getDocumentCache" | "getScriptCache" | "getUserCache"
    >
{
  readonly [INTERNAL]: { ctx: Ctx };
  constructor(ctx: Ctx) {
    this[INTERNAL] = { ctx };
  }
  getDocumentCache(): GoogleAppsScript.Cache.Cache | null {
    return new EmuCache(this[INTERNAL].ctx, "document") as unknown as GoogleAppsScript.Cache.Cache;
  }
  getScriptCache(): GoogleAppsScript.Cache.Cache {
    return new EmuCache(this[INTERNAL].ctx, "script") as unknown as GoogleAppsScript.Cache.Cache;
  }
  getUserCache(): GoogleAppsScript.Cache.Cache {
    return new EmuCache(this[INTERNAL].ctx, "user") as unknown as GoogleAppsScript.Cache.Cache;
  }
}
instrument(EmuCacheService, "CacheService");

const DEFAULT_TTL_S = 600;
const MAX_TTL_S = 21_600;
const MAX_CACHE_VALUE = 100 * 1024;

export class EmuCache
  implements
    Pick<GoogleAppsScript.Cache.Cache, "get" | "getAll" | "put" | "putAll" | "remove" | "removeAll">
{
  readonly [INTERNAL]: { ctx: Ctx; store: "document" | "script" | "user" };
  constructor(ctx: Ctx, store: "document" | "script" | "user") {
    this[INTERNAL] = { ctx, store };
  }
  get(key: string): string | null {
    const entry = this.map().get(String(key));
    if (!entry) return null;
    if (entry.expires <= this[INTERNAL].ctx.opts.now().getTime()) {
      this.map().delete(String(key));
      return null;
    }
    return entry.value;
  }
  getAll(keys: string[]): { [key: string]: string } {
    const out: { [key: string]: string } = {};
    for (const k of keys) {
      const v = this.get(k);
      if (v !== null) out[k] = v;
    }
    return out;
  }
  put(key: string, value: string, expirationInSeconds?: number): void {
    const k = String(key);
    if (k.length > 250) throw new Error("Argument too large: key");
    if (typeof value !== "string")
      throw new Error(`emulator: Cache.put("${k}") expects a string value, got ${kindOf(value)}`);
    if (value.length > MAX_CACHE_VALUE) throw new Error("Argument too large: value");
    const ttl = Math.min(expirationInSeconds ?? DEFAULT_TTL_S, MAX_TTL_S);
    this.map().set(k, { value, expires: this[INTERNAL].ctx.opts.now().getTime() + ttl * 1000 });
  }
  putAll(values: { [key: string]: string }, expirationInSeconds?: number): void {
    for (const [k, v] of Object.entries(values)) this.put(k, v, expirationInSeconds);
  }
  remove(key: string): void {
    this.map().delete(String(key));
  }
  removeAll(keys: string[]): void {
    for (const k of keys) this.map().delete(String(k));
  }
  private map(): Map<string, { value: string; expires: number }> {
    return this[INTERNAL].ctx.cache[this[INTERNAL].store];
  }
}
instrument(EmuCache, "Cache");
