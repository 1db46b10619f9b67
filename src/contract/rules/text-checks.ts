/**
 * Small checks and renderings of what a person typed, shared by the objective rules and the
 * other rules of the contract: control characters, blanks, and a value quoted in a message.
 */

/**
 * Control characters (C0, DEL, C1, line and paragraph separators) hide text or break rows in the
 * tab. Multi-line fields may keep newline and tab; single-line ones refuse them too.
 */
export function hasControlChars(s: string, multiline: boolean): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (multiline && (c === 0x0a || c === 0x09)) continue;
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

/** Text inside a message, cut short. */
export function clip(value: unknown): string {
  const s = String(value);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/** A value shown inside a message: short, and quoted when it is text. */
export function shown(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(clip(value));
  if (value === null || value === undefined) return "nothing";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return "[…]";
  return typeof value;
}

/** A blank cell or field: what Sheets hands over for an empty cell (""), or nothing at all. */
export function isBlank(v: unknown): boolean {
  return v === undefined || v === null || v === "";
}
