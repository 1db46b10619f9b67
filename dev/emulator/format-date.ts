/**
 * Utilities.formatDate: Java SimpleDateFormat patterns, in a given zone, with English names (Apps
 * Script formats in English whatever the user's locale).
 */

import { longZoneName, offsetText, shortZoneName, wallClock } from "./tz.ts";
import { isDate } from "./values.ts";

export const MONTHS_EN = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
export const DAYS_EN = [
  "Sunday",
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
];

/** Letters SimpleDateFormat knows; those not emulated are refused by name rather than guessed. */
const JAVA_LETTERS = "GyYMLwWDdFEuaHkKhmsSzZX";
const NOT_EMULATED = "YwWF";

type Token = { letter: string; count: number } | { text: string };

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i]!;
    if (ch === "'") {
      // '' is a literal quote, inside or outside a quoted run.
      if (pattern[i + 1] === "'") {
        tokens.push({ text: "'" });
        i += 2;
        continue;
      }
      let text = "";
      i++;
      for (;;) {
        if (i >= pattern.length) throw new Error(`Unterminated quote in date pattern "${pattern}"`);
        if (pattern[i] === "'") {
          if (pattern[i + 1] === "'") {
            text += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        text += pattern[i];
        i++;
      }
      tokens.push({ text });
      continue;
    }
    if (/[A-Za-z]/.test(ch)) {
      if (!JAVA_LETTERS.includes(ch)) throw new Error(`Illegal pattern character '${ch}'`);
      if (NOT_EMULATED.includes(ch)) {
        throw new Error(`emulator: Utilities.formatDate pattern letter '${ch}' is not emulated`);
      }
      let count = 1;
      while (pattern[i + count] === ch) count++;
      tokens.push({ letter: ch, count });
      i += count;
      continue;
    }
    tokens.push({ text: ch });
    i++;
  }
  return tokens;
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

function dayOfYear(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(year, 0, 1)) / 86_400_000) + 1;
}

export function formatJavaDate(date: unknown, timeZone: string, pattern: string): string {
  if (!isDate(date) || Number.isNaN(date.getTime())) {
    throw new Error("The parameters don't match the method signature for Utilities.formatDate.");
  }
  const w = wallClock(date, timeZone);
  let out = "";
  for (const tok of tokenize(pattern)) {
    if ("text" in tok) {
      out += tok.text;
      continue;
    }
    const n = tok.count;
    switch (tok.letter) {
      case "G":
        out += w.year > 0 ? "AD" : "BC";
        break;
      case "y":
        out += n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
        break;
      case "M":
      case "L":
        if (n >= 4) out += MONTHS_EN[w.month - 1];
        else if (n === 3) out += MONTHS_EN[w.month - 1]!.slice(0, 3);
        else out += pad(w.month, n);
        break;
      case "d":
        out += pad(w.day, n);
        break;
      case "D":
        out += pad(dayOfYear(w.year, w.month, w.day), n);
        break;
      case "E":
        out += n >= 4 ? DAYS_EN[w.weekday] : DAYS_EN[w.weekday]!.slice(0, 3);
        break;
      case "u":
        out += pad(w.weekday === 0 ? 7 : w.weekday, n);
        break;
      case "a":
        out += w.hour < 12 ? "AM" : "PM";
        break;
      case "H":
        out += pad(w.hour, n);
        break;
      case "k":
        out += pad(w.hour === 0 ? 24 : w.hour, n);
        break;
      case "K":
        out += pad(w.hour % 12, n);
        break;
      case "h":
        out += pad(w.hour % 12 === 0 ? 12 : w.hour % 12, n);
        break;
      case "m":
        out += pad(w.minute, n);
        break;
      case "s":
        out += pad(w.second, n);
        break;
      case "S":
        // Java prints milliseconds as a number, padded to the letter count ("SSS" → "007").
        out += pad(w.millisecond, n);
        break;
      case "z":
        out +=
          n >= 4 ? longZoneName(date, timeZone) : shortZoneName(date, timeZone, w.offsetMinutes);
        break;
      case "Z":
        out += offsetText(w.offsetMinutes, "");
        break;
      case "X":
        if (w.offsetMinutes === 0) out += "Z";
        else if (n === 1) {
          const full = offsetText(w.offsetMinutes, "");
          out += full.endsWith("00") ? full.slice(0, 3) : full;
        } else out += offsetText(w.offsetMinutes, n === 2 ? "" : ":");
        break;
    }
  }
  return out;
}
