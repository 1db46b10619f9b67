/**
 * What getDisplayValues shows: a value under a Sheets number format, in the spreadsheet's locale
 * and time zone. Covers the formats an add-on writes (0.00%, #,##0, #,##0.00 €, [m]:ss,
 * yyyy-mm-dd, dd/MM/yyyy, d mmm yyyy, "text" literals, sections) and Sheets' automatic display.
 */

import { DAYS_EN, MONTHS_EN } from "./format-date.ts";
import {
  DAY_MS,
  dateToSerial,
  SERIAL_EPOCH_MS,
  utcWallClock,
  type WallClock,
  wallClock,
} from "./tz.ts";
import { type CellValue, isDate } from "./values.ts";

/** What getNumberFormat returns for a cell no format was ever set on. */
export const DEFAULT_NUMBER_FORMAT = "0.###############";

export interface DisplayEnv {
  timeZone: string;
  locale: string;
}

interface LocaleSymbols {
  decimal: string;
  group: string;
  months: string[];
  days: string[];
  shortMonths: string[];
  shortDays: string[];
  true: string;
  false: string;
  /** Automatic display of a date (and of a date with a time). */
  date: string;
  dateTime: string;
}

const FR_MONTHS = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];
const FR_SHORT_MONTHS = [
  "janv.",
  "févr.",
  "mars",
  "avr.",
  "mai",
  "juin",
  "juil.",
  "août",
  "sept.",
  "oct.",
  "nov.",
  "déc.",
];
const FR_DAYS = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];

const symbolsFor = memo(symbolsForLocale);

function symbolsForLocale(locale: string): LocaleSymbols {
  const lang = locale.toLowerCase().split(/[-_]/)[0];
  const en: LocaleSymbols = {
    decimal: ".",
    group: ",",
    months: MONTHS_EN,
    days: DAYS_EN,
    shortMonths: MONTHS_EN.map((m) => m.slice(0, 3)),
    shortDays: DAYS_EN.map((d) => d.slice(0, 3)),
    true: "TRUE",
    false: "FALSE",
    date: /^en[-_]us$/i.test(locale) || /^en$/i.test(locale) ? "M/d/yyyy" : "dd/MM/yyyy",
    dateTime:
      /^en[-_]us$/i.test(locale) || /^en$/i.test(locale)
        ? "M/d/yyyy H:mm:ss"
        : "dd/MM/yyyy HH:mm:ss",
  };
  if (lang === "fr") {
    return {
      ...en,
      decimal: ",",
      // Sheets groups French thousands with a narrow no-break space.
      group: "\u202f",
      months: FR_MONTHS,
      days: FR_DAYS,
      shortMonths: FR_SHORT_MONTHS,
      shortDays: FR_DAYS.map((d) => `${d.slice(0, 3)}.`),
      true: "VRAI",
      false: "FAUX",
      date: "dd/MM/yyyy",
      dateTime: "dd/MM/yyyy HH:mm:ss",
    };
  }
  if (lang === "de" || lang === "es" || lang === "it" || lang === "pt" || lang === "nl") {
    return { ...en, decimal: ",", group: ".", date: "dd/MM/yyyy", dateTime: "dd/MM/yyyy HH:mm:ss" };
  }
  return en;
}

/** Splits a format into its ";" sections, ignoring ";" inside quotes, brackets and escapes. */
const sections = memo(splitSections);

function splitSections(format: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (!quoted && !bracket && ch === "\\") {
      cur += ch + (format[i + 1] ?? "");
      i++;
      continue;
    }
    if (ch === '"' && !bracket) quoted = !quoted;
    else if (!quoted && ch === "[") bracket = true;
    else if (!quoted && ch === "]") bracket = false;
    if (ch === ";" && !quoted && !bracket) {
      out.push(cur);
      cur = "";
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

/** The section text with quoted literals, escapes and non-time brackets removed. */
function skeleton(section: string): string {
  return section
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, "")
    .replace(/_./g, "")
    .replace(/\*./g, "");
}

const isDateSection = memo(sectionIsDate);

function sectionIsDate(section: string): boolean {
  const s = skeleton(section);
  return /\[[hms]+\]/i.test(s) || /[ydhsm]/i.test(s.replace(/am\/pm|a\/p/gi, "h"));
}

function roundTo(value: number, decimals: number): number {
  return Number(`${Math.round(Number(`${value}e${decimals}`))}e-${decimals}`);
}

/** Digits of |value| with `decimals` places, grouped or not, in the locale's symbols. */
function formatFixed(
  abs: number,
  opts: { decimals: number; minDecimals: number; minInt: number; group: boolean },
  sym: LocaleSymbols,
): string {
  const rounded = roundTo(abs, opts.decimals);
  let [intPart, frac = ""] = rounded.toFixed(opts.decimals).split(".");
  intPart = intPart!.replace(/^0+/, "");
  if (intPart.length < opts.minInt) intPart = intPart.padStart(opts.minInt, "0");
  while (frac.length > opts.minDecimals && frac.endsWith("0")) frac = frac.slice(0, -1);
  if (opts.group) intPart = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, sym.group);
  return frac ? `${intPart}${sym.decimal}${frac}` : intPart;
}

interface NumberPattern {
  /** Set when the section has no digit placeholder: it shows as this text. */
  literal?: string;
  prefix: string;
  suffix: string;
  core: string;
  percents: number;
  scaleCommas: number;
}

function memo<T>(fn: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let v = cache.get(key);
    if (v === undefined) {
      v = fn(key);
      cache.set(key, v);
    }
    return v;
  };
}

const parseNumberSection = memo((section: string): NumberPattern => {
  // Literal text before and after the digit placeholders; "%" scales wherever it stands.
  type Piece = { lit: string } | { ph: string };
  const pieces: Piece[] = [];
  for (let i = 0; i < section.length; i++) {
    const ch = section[i]!;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end === -1 ? section.length : end;
      pieces.push({ lit: section.slice(i + 1, stop) });
      i = stop;
    } else if (ch === "\\") {
      pieces.push({ lit: section[i + 1] ?? "" });
      i++;
    } else if (ch === "[") {
      const end = section.indexOf("]", i);
      const inner = section.slice(i + 1, end === -1 ? section.length : end);
      // [$€-40C] shows its symbol; [Red], [>100] and the like only colour or filter.
      if (inner.startsWith("$")) pieces.push({ lit: inner.slice(1).split("-")[0]! });
      i = end === -1 ? section.length : end;
    } else if (ch === "_") {
      pieces.push({ lit: " " });
      i++;
    } else if (ch === "*") {
      i++;
    } else if ("0#?,.".includes(ch)) {
      pieces.push({ ph: ch });
    } else if ((ch === "E" || ch === "e") && /[+-]/.test(section[i + 1] ?? "")) {
      pieces.push({ ph: "E" });
      pieces.push({ ph: section[i + 1]! });
      i++;
    } else if (ch === "%") {
      pieces.push({ lit: "%" });
    } else {
      pieces.push({ lit: ch });
    }
  }
  const isDigit = (p: Piece) => "ph" in p && "0#?".includes(p.ph);
  const first = pieces.findIndex(isDigit);
  if (first === -1) {
    // A format of literals only ("-" for zero, say) shows just them.
    const literal = pieces.map((p) => ("lit" in p ? p.lit : p.ph)).join("");
    return { literal, prefix: "", suffix: "", core: "", percents: 0, scaleCommas: 0 };
  }
  let last = pieces.length - 1;
  while (!isDigit(pieces[last]!)) last--;
  // Trailing commas right after the digits scale by a thousand each, as in "0.0,,".
  let scaleCommas = 0;
  while (
    pieces[last + 1 + scaleCommas] &&
    "ph" in pieces[last + 1 + scaleCommas]! &&
    (pieces[last + 1 + scaleCommas] as { ph: string }).ph === ","
  ) {
    scaleCommas++;
  }
  const prefix = pieces
    .slice(0, first)
    .map((p) => ("lit" in p ? p.lit : p.ph))
    .join("");
  const suffix = pieces
    .slice(last + 1 + scaleCommas)
    .map((p) => ("lit" in p ? p.lit : p.ph))
    .join("");
  const core = pieces
    .slice(first, last + 1)
    .map((p) => ("ph" in p ? p.ph : ""))
    .join("");
  const percents = (prefix + suffix).split("%").length - 1;
  return { prefix, suffix, core, percents, scaleCommas };
});

function formatNumberSection(section: string, value: number, sym: LocaleSymbols): string {
  const { literal, prefix, suffix, core, percents, scaleCommas } = parseNumberSection(section);
  if (literal !== undefined) return literal;
  let v = value * 100 ** percents;
  v /= 1000 ** scaleCommas;
  const expAt = core.indexOf("E");
  if (expAt !== -1) {
    const mantissa = core.slice(0, expAt);
    const decimals = (mantissa.split(".")[1] ?? "").length;
    const [m, e] = Math.abs(v).toExponential(decimals).split("e");
    const exp = Number(e);
    const expDigits = core.slice(expAt + 2).length;
    const sign = exp < 0 ? "-" : "+";
    return `${prefix}${m!.replace(".", sym.decimal)}E${sign}${String(Math.abs(exp)).padStart(expDigits, "0")}${suffix}`;
  }
  const [intPat = "", fracPat = ""] = core.split(".");
  const digits = formatFixed(
    Math.abs(v),
    {
      decimals: fracPat.replace(/[^0#?]/g, "").length,
      minDecimals: fracPat.replace(/[^0?]/g, "").length,
      minInt: intPat.replace(/[^0?]/g, "").length,
      group: intPat.includes(","),
    },
    sym,
  );
  return `${prefix}${digits}${suffix}`;
}

type DateToken =
  | { lit: string }
  | { t: "y" | "m" | "d" | "h" | "s" | "min"; n: number }
  | { t: "eh" | "em" | "es"; n: number }
  | { t: "ampm"; short: boolean; upper: boolean }
  | { t: "frac"; n: number };

const tokenizeDate = memo(tokenizeDateSection);

function tokenizeDateSection(section: string): DateToken[] {
  const out: DateToken[] = [];
  for (let i = 0; i < section.length; i++) {
    const ch = section[i]!;
    const lower = ch.toLowerCase();
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end === -1 ? section.length : end;
      out.push({ lit: section.slice(i + 1, stop) });
      i = stop;
    } else if (ch === "\\") {
      out.push({ lit: section[i + 1] ?? "" });
      i++;
    } else if (ch === "[") {
      const end = section.indexOf("]", i);
      const inner = section.slice(i + 1, end === -1 ? section.length : end).toLowerCase();
      if (/^h+$/.test(inner)) out.push({ t: "eh", n: inner.length });
      else if (/^m+$/.test(inner)) out.push({ t: "em", n: inner.length });
      else if (/^s+$/.test(inner)) out.push({ t: "es", n: inner.length });
      else if (inner.startsWith("$")) out.push({ lit: inner.slice(1).split("-")[0]! });
      i = end === -1 ? section.length : end;
    } else if (/^am\/pm/i.test(section.slice(i))) {
      out.push({ t: "ampm", short: false, upper: section[i] === "A" });
      i += 4;
    } else if (/^a\/p/i.test(section.slice(i))) {
      out.push({ t: "ampm", short: true, upper: section[i] === "A" });
      i += 2;
    } else if ("ymdhs".includes(lower)) {
      let n = 1;
      while (section[i + n]?.toLowerCase() === lower) n++;
      out.push({ t: lower as "y" | "m" | "d" | "h" | "s", n });
      i += n - 1;
    } else if (ch === "." && section[i + 1] === "0") {
      let n = 0;
      while (section[i + 1 + n] === "0") n++;
      out.push({ t: "frac", n });
      i += n;
    } else {
      out.push({ lit: ch });
    }
  }
  // "m" after an hour or before a second is minutes, otherwise months.
  const fields = out.filter((t) => "t" in t);
  for (let k = 0; k < fields.length; k++) {
    const tok = fields[k]! as { t: string; n: number };
    if (tok.t !== "m" || tok.n > 2) continue;
    const prev = fields[k - 1] as { t: string } | undefined;
    const next = fields[k + 1] as { t: string } | undefined;
    if (prev?.t === "h" || prev?.t === "eh" || next?.t === "s" || next?.t === "es") tok.t = "min";
  }
  return out;
}

function formatDateSection(
  section: string,
  serial: number,
  wall: WallClock | undefined,
  sym: LocaleSymbols,
): string {
  const tokens = tokenizeDate(section);
  const fracDigits = Math.max(0, ...tokens.map((t) => ("t" in t && t.t === "frac" ? t.n : 0)));
  const elapsed = tokens.some((t) => "t" in t && (t.t === "eh" || t.t === "em" || t.t === "es"));
  const sign = elapsed && serial < 0 ? "-" : "";
  // Round once, to the precision shown, so 89.9999 s shows as 1:30 and not 1:29.
  const unit = 10 ** (3 - Math.min(3, fracDigits));
  const totalMs = Math.round((Math.abs(elapsed ? serial : 0) * DAY_MS) / unit) * unit;
  const w = wall ?? utcWallClock(SERIAL_EPOCH_MS + Math.round((serial * DAY_MS) / unit) * unit);
  const hasAmPm = tokens.some((t) => "t" in t && t.t === "ampm");
  const pad = (n: number, width: number) => String(n).padStart(width, "0");
  // With an elapsed unit, smaller units are what remains of it.
  const totalSeconds = Math.floor(totalMs / 1000);
  const seconds = elapsed ? totalSeconds % 60 : w.second;
  const minutes = elapsed ? Math.floor(totalSeconds / 60) % 60 : w.minute;
  const ms = elapsed ? totalMs % 1000 : w.millisecond;
  let out = sign;
  for (const tok of tokens) {
    if ("lit" in tok) {
      out += tok.lit;
      continue;
    }
    switch (tok.t) {
      case "y":
        out += tok.n <= 2 ? pad(w.year % 100, 2) : pad(w.year, 4);
        break;
      case "m":
        if (tok.n >= 5) out += sym.months[w.month - 1]!.charAt(0);
        else if (tok.n === 4) out += sym.months[w.month - 1];
        else if (tok.n === 3) out += sym.shortMonths[w.month - 1];
        else out += pad(w.month, tok.n);
        break;
      case "d":
        if (tok.n >= 4) out += sym.days[w.weekday];
        else if (tok.n === 3) out += sym.shortDays[w.weekday];
        else out += pad(w.day, tok.n);
        break;
      case "h": {
        const h = hasAmPm ? (w.hour % 12 === 0 ? 12 : w.hour % 12) : w.hour;
        out += pad(h, Math.min(tok.n, 2));
        break;
      }
      case "min":
        out += pad(minutes, Math.min(tok.n, 2));
        break;
      case "s":
        out += pad(seconds, Math.min(tok.n, 2));
        break;
      case "eh":
        out += pad(Math.floor(totalSeconds / 3600), tok.n);
        break;
      case "em":
        out += pad(Math.floor(totalSeconds / 60), tok.n);
        break;
      case "es":
        out += pad(totalSeconds, tok.n);
        break;
      case "frac":
        out += sym.decimal + pad(ms, 3).slice(0, tok.n);
        break;
      case "ampm": {
        const pm = w.hour >= 12;
        const text = tok.short ? (pm ? "p" : "a") : pm ? "pm" : "am";
        out += tok.upper ? text.toUpperCase() : text;
        break;
      }
    }
  }
  return out;
}

function automaticNumber(value: number, sym: LocaleSymbols): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  let text: string;
  if (abs !== 0 && (abs >= 1e15 || abs < 1e-9)) {
    const [m, e] = value.toExponential(9).split("e");
    text = `${m!.replace(/\.?0+$/, "")}E${Number(e) < 0 ? "-" : "+"}${String(Math.abs(Number(e))).padStart(2, "0")}`;
  } else if (Number.isInteger(value)) {
    text = String(value);
  } else {
    text = String(Number(value.toPrecision(10)));
    if (text.includes("e"))
      text = Number(text)
        .toFixed(10)
        .replace(/\.?0+$/, "");
  }
  return text.replace(".", sym.decimal);
}

/** The text Sheets shows for `value` under `format` (undefined: no format was set). */
export function displayValue(
  value: CellValue | "",
  format: string | undefined,
  env: DisplayEnv,
): string {
  const sym = symbolsFor(env.locale);
  if (value === "") return "";
  if (typeof value === "boolean") return value ? sym.true : sym.false;
  const fmt =
    format === undefined ||
    format === "" ||
    /^general$/i.test(format) ||
    format === DEFAULT_NUMBER_FORMAT
      ? undefined
      : format;
  if (typeof value === "string") {
    const text = fmt ? sections(fmt)[3] : undefined;
    return text === undefined ? value : text.replace(/@/g, value).replace(/"([^"]*)"/g, "$1");
  }
  if (fmt === "@")
    return isDate(value) ? displayValue(value, undefined, env) : automaticNumber(value, sym);
  if (isDate(value)) {
    if (!fmt) {
      const w = wallClock(value, env.timeZone);
      const hasTime = w.hour || w.minute || w.second || w.millisecond;
      return formatDateSection(hasTime ? sym.dateTime : sym.date, 0, w, sym);
    }
    const section = sections(fmt)[0]!;
    if (isDateSection(section)) {
      const serial = dateToSerial(value, env.timeZone);
      const elapsed = /\[[hms]+\]/i.test(skeleton(section));
      return formatDateSection(
        section,
        serial,
        elapsed ? undefined : wallClock(value, env.timeZone),
        sym,
      );
    }
    return displayValue(dateToSerial(value, env.timeZone), fmt, env);
  }
  if (!fmt) return automaticNumber(value, sym);
  const secs = sections(fmt);
  let section = secs[0]!;
  let v = value;
  let explicitSign = false;
  if (value < 0 && secs.length >= 2) {
    section = secs[1]!;
    v = -value;
    explicitSign = true;
  } else if (value === 0 && secs.length >= 3) {
    section = secs[2]!;
  }
  if (isDateSection(section)) return formatDateSection(section, v, undefined, sym);
  const body = formatNumberSection(section, v, sym);
  // A negative shown under a one-section format gets a minus, unless it rounds to zero.
  if (v < 0 && !explicitSign && /[1-9]/.test(body)) return `-${body}`;
  return body;
}
