/** Cell values, their JSON form, and the checks Sheets applies to what a script writes. */

export type CellValue = number | string | boolean | Date;

/** A value in its JSON-safe form: Dates become { "$date": iso }. */
export type JsonValue =
  | null
  | number
  | string
  | boolean
  | { $date: string }
  | JsonValue[]
  | { [key: string]: JsonValue };

/**
 * True for a Date from any realm: the bundle runs in node:vm, whose Dates fail `instanceof Date`
 * here.
 */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}

/** The kind of a value as Apps Script's signature errors name it. */
export function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "Array";
  if (isDate(value)) return "Date";
  if (typeof value === "object") return "Object";
  const t = typeof value;
  return t.charAt(0).toUpperCase() + t.slice(1);
}

export function encodeJson(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (isDate(value)) return { $date: new Date(value.getTime()).toISOString() };
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") {
    return value;
  }
  if (Array.isArray(value)) return value.map(encodeJson);
  if (typeof value === "object") {
    const out: { [key: string]: JsonValue } = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = encodeJson(v);
    return out;
  }
  throw new Error(`emulator: cannot store a ${typeof value} in a snapshot`);
}

export function decodeJson(value: JsonValue): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(decodeJson);
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === "$date") return new Date((value as { $date: string }).$date);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = decodeJson(v as JsonValue);
  return out;
}

export function encodeCellValue(value: CellValue): number | string | boolean | { $date: string } {
  return isDate(value) ? { $date: new Date(value.getTime()).toISOString() } : value;
}

export function decodeCellValue(value: number | string | boolean | { $date: string }): CellValue {
  return typeof value === "object" ? new Date(value.$date) : value;
}

const NAMED_COLORS: Record<string, string> = {
  black: "#000000",
  white: "#ffffff",
  red: "#ff0000",
  green: "#008000",
  blue: "#0000ff",
  yellow: "#ffff00",
  orange: "#ffa500",
  gray: "#808080",
  grey: "#808080",
  purple: "#800080",
  transparent: "#ffffff",
};

/** Colours as Sheets returns them: lowercase "#rrggbb". Unknown text is refused, not guessed. */
export function normalizeColor(color: string, where: string): string {
  const c = color.trim().toLowerCase();
  const named = NAMED_COLORS[c];
  if (named) return named;
  if (/^#[0-9a-f]{6}$/.test(c)) return c;
  if (/^#[0-9a-f]{3}$/.test(c)) return `#${c[1]}${c[1]}${c[2]}${c[2]}${c[3]}${c[3]}`;
  throw new Error(`emulator: ${where}: unsupported colour "${color}" (use #rrggbb)`);
}
