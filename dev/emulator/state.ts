/**
 * The workbook as plain data, and the per-emulator context the facade classes (Spreadsheet,
 * Sheet, Range, …) read and write. Facades hold no state of their own beyond a pointer here, so
 * snapshot/load only deal with this module's types.
 */
import type { Bounds, Rect } from "./a1.ts";
import type { CellValue } from "./values.ts";

export interface DataValidationState {
  criteria: string;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

export interface Cell {
  value?: CellValue;
  formula?: string;
  numberFormat?: string;
  fontWeight?: "bold" | "normal";
  fontStyle?: "italic" | "normal";
  fontColor?: string;
  fontSize?: number;
  fontFamily?: string;
  background?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrap?: boolean;
  note?: string;
  validation?: DataValidationState;
}

/** What "clear formats" removes from a cell: everything but value, formula, note, validation. */
export const FORMAT_KEYS = [
  "numberFormat",
  "fontWeight",
  "fontStyle",
  "fontColor",
  "fontSize",
  "fontFamily",
  "background",
  "horizontalAlignment",
  "verticalAlignment",
  "wrap",
] as const satisfies readonly (keyof Cell)[];

export interface ProtectionState {
  id: number;
  type: "SHEET" | "RANGE";
  /** For RANGE protections; a SHEET protection covers the whole sheet. */
  rect?: Rect;
  description: string;
  warningOnly: boolean;
  editors: string[];
  unprotected: Rect[];
}

export interface ConditionalRuleState {
  ranges: Rect[];
  /** BooleanCriteria name ("TEXT_EQUAL_TO", "CUSTOM_FORMULA", …) and its arguments. */
  criteria: string;
  values: unknown[];
  format: {
    background?: string;
    fontColor?: string;
    bold?: boolean;
    italic?: boolean;
    strikethrough?: boolean;
    underline?: boolean;
  };
}

export interface ChartRangeState {
  sheetId: number;
  rect: Rect;
}

export interface ChartState {
  id: number;
  type: string;
  ranges: ChartRangeState[];
  options: Record<string, unknown>;
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
  numHeaders: number;
  transpose: boolean;
  mergeStrategy: string;
  hiddenDimensionStrategy: string;
}

export type MetadataLocation =
  | { type: "SPREADSHEET" }
  | { type: "SHEET"; sheetId: number }
  | { type: "ROW"; sheetId: number; start: number; end: number }
  | { type: "COLUMN"; sheetId: number; start: number; end: number };

export interface MetadataState {
  id: number;
  key: string;
  value: string | null;
  visibility: "DOCUMENT" | "PROJECT";
  location: MetadataLocation;
}

export interface SheetState {
  id: number;
  name: string;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  hidden: boolean;
  tabColor: string | null;
  hiddenGridlines: boolean;
  /** grid[row - 1][column - 1]; rows and cells are created on first write. */
  grid: (Cell | undefined)[][];
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  merges: Rect[];
  protections: ProtectionState[];
  conditionalRules: ConditionalRuleState[];
  charts: ChartState[];
  /** Set on a Connected Sheets data-source sheet: its spec and its last execution. */
  dataSource: DataSourceSheetState | undefined;
  deleted: boolean;
}

export interface BookState {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  sheets: SheetState[];
  activeSheetId: number;
  activeRange: Rect | undefined;
  metadata: MetadataState[];
  properties: {
    document: Map<string, string>;
    user: Map<string, string>;
    script: Map<string, string>;
  };
}

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;

export function newSheetState(
  id: number,
  name: string,
  rows = DEFAULT_ROWS,
  columns = DEFAULT_COLUMNS,
): SheetState {
  return {
    id,
    name,
    maxRows: rows,
    maxColumns: columns,
    frozenRows: 0,
    frozenColumns: 0,
    hidden: false,
    tabColor: null,
    hiddenGridlines: false,
    grid: [],
    columnWidths: new Map(),
    rowHeights: new Map(),
    merges: [],
    protections: [],
    conditionalRules: [],
    charts: [],
    dataSource: undefined,
    deleted: false,
  };
}

export function getCell(sheet: SheetState, row: number, column: number): Cell | undefined {
  return sheet.grid[row - 1]?.[column - 1];
}

export function cellFor(sheet: SheetState, row: number, column: number): Cell {
  let r = sheet.grid[row - 1];
  if (!r) {
    r = [];
    sheet.grid[row - 1] = r;
  }
  let c = r[column - 1];
  if (!c) {
    c = {};
    r[column - 1] = c;
  }
  return c;
}

/** True when a cell holds content (a value or a formula): what getLastRow looks at. */
export function hasContent(cell: Cell | undefined): boolean {
  return (
    cell !== undefined &&
    (cell.formula !== undefined || (cell.value !== undefined && cell.value !== ""))
  );
}

export function isEmptyCell(cell: Cell): boolean {
  for (const k in cell) if ((cell as Record<string, unknown>)[k] !== undefined) return false;
  return true;
}

/**
 * Ids that look like Sheets' (large, not the tab index) and are the same on every run, so two
 * emulators fed the same calls hold the same snapshot.
 */
export class IdSequence {
  private n = 0;
  constructor(
    private readonly first: number | undefined,
    private readonly used: () => Iterable<number>,
  ) {}
  reset(): void {
    this.n = 0;
  }
  next(): number {
    const taken = new Set(this.used());
    for (;;) {
      const candidate =
        this.n === 0 && this.first !== undefined
          ? this.first
          : (this.n * 1_103_515_245 + 12_345) % 2_000_000_000;
      this.n++;
      if (candidate > 0 || candidate === this.first) {
        if (!taken.has(candidate)) return candidate;
      }
    }
  }
}

export class CallCounter {
  private readonly map = new Map<string, number>();
  add(key: string): void {
    this.map.set(key, (this.map.get(key) ?? 0) + 1);
  }
  counts(): Record<string, number> {
    return Object.fromEntries(
      [...this.map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  }
  total(prefix?: string): number {
    let sum = 0;
    for (const [k, v] of this.map) if (prefix === undefined || k.startsWith(prefix)) sum += v;
    return sum;
  }
  reset(): void {
    this.map.clear();
  }
}

export interface UiRecord {
  menus: {
    title: string;
    items: ({ label: string; functionName: string } | { separator: true })[];
  }[];
  sidebars: { title: string; html: string; width?: number }[];
  dialogs: { title: string; html: string; width?: number; height?: number; modal: boolean }[];
  alerts: { title?: string; prompt: string; buttons?: string; response: string }[];
  toasts: { message: string; title?: string }[];
}

export type LockHolder = "free" | "self" | "other";

export type LockKind = "document" | "script" | "user";

/**
 * Executions of the add-on sharing this workbook (two users, two clicks, a trigger). Execution 0
 * is the default one, the one code runs as unless a test starts another (Emulator.startExecution).
 */
export interface ExecutionsState {
  /** The execution running now: LockService hands out locks that belong to it. */
  current: number;
  /** Ids handed out so far; the next execution gets this one. */
  next: number;
  /** Executions that have ended: their Lock objects refuse to be used. */
  ended: Set<number>;
  /** Which execution holds each lock, or undefined when it is free. */
  locks: Record<LockKind, number | undefined>;
}

/** What a Range facade points at. */
export interface RangeInternal {
  ctx: Ctx;
  sheet: SheetState;
  rect: Rect;
  bounds: Bounds;
}

/**
 * How a facade reaches the facades of other classes without importing their modules (which would
 * make an import cycle: a Range knows its Sheet, a Sheet makes Ranges). Filled in by
 * spreadsheet/facades.ts when the emulator is created.
 */
export interface Facades {
  spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** The one Sheet object of `sheet`, so getSheetByName(x) === getSheetByName(x). */
  sheet(sheet: SheetState): GoogleAppsScript.Spreadsheet.Sheet;
  /** A Range of `sheet` (no bounds check: the caller has one). */
  range(sheet: SheetState, rect: Rect, bounds?: Bounds): GoogleAppsScript.Spreadsheet.Range;
  /** The state behind a Range made by this emulator, or an error naming `where`. */
  unwrapRange(range: unknown, where: string): RangeInternal;
}

export interface ResolvedOptions {
  timeZone: string;
  locale: string;
  userLocale: string;
  userEmail: string;
  scriptTimeZone: string;
  now: () => Date;
  htmlFiles: Record<string, string>;
  addOnName: string;
  evaluateFormula?: (
    formula: string,
    ctx: { sheet: string; row: number; column: number },
  ) => unknown;
}

/** When a time-driven trigger fires: the slot's rule, in the trigger's time zone. */
export type ClockSchedule =
  | { kind: "weekly"; weekday: number; hour: number; everyWeeks: number }
  | { kind: "daily"; hour: number; everyDays: number }
  | { kind: "hourly"; everyHours: number };

export interface TriggerState {
  uid: string;
  handler: string;
  /** The user who created it: it runs as that user, and only that user sees it. */
  user: string;
  /** The document it was created from (an add-on's triggers belong to a document). */
  documentId: string;
  schedule: ClockSchedule;
  timeZone: string;
  createdAt: number;
  /** Start of the last slot that fired, so a slot fires once however the clock moves. */
  lastSlot: number | undefined;
}

/** One run of a trigger's handler, as Apps Script's executions page lists it. */
export interface TriggerRun {
  uid: string;
  handler: string;
  user: string;
  /** When it ran (ISO). */
  at: string;
  /** The message of what the handler threw; Apps Script e-mails such failures to the user. */
  error?: string;
}

export interface SentMailImage {
  contentType: string | null;
  name: string | null;
  bytes: Uint8Array;
}

/** A message MailApp accepted, as its recipients get it. */
export interface SentMail {
  from: string;
  name: string | null;
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo: string | null;
  subject: string;
  body: string;
  htmlBody: string | null;
  inlineImages: Record<string, SentMailImage>;
  /** When it was sent (ISO). */
  at: string;
  /** Bytes of the subject, the bodies and the images: what the message weighs, roughly. */
  size: number;
}

/** ScriptApp's triggers and authorization, MailApp's outbox and quota, and who is using the add-on. */
export interface ScriptState {
  triggers: TriggerState[];
  nextUid: number;
  runs: TriggerRun[];
  /** Calls a trigger's handler by name with its event (the bundle's function, or a test's). */
  runner: ((handler: string, event: Record<string, unknown>) => unknown) | undefined;
  /** Users whose grant lacks a scope the script now asks for. */
  authRequired: Set<string>;
  outbox: SentMail[];
  /** Recipients each user may still send to today. */
  quota: Map<string, number>;
  defaultQuota: number;
  /** The simulated clock, once a test or the playground has set it. */
  simulatedNow: number | undefined;
  /** Minutes after the hour a trigger's slot fires: Apps Script jitters within the hour. */
  jitterMs: (uid: string, slotStart: number) => number;
  /** The user properties and caches of the users not active now. */
  otherUsers: Map<
    string,
    { properties: Map<string, string>; cache: Map<string, { value: string; expires: number }> }
  >;
}

/** Everything one emulator instance owns. */
/** A BigQuery runner's answer: a result, or BigQuery's error; `seconds` is how long it took. */
export type BigQueryAnswer =
  | {
      readonly header: readonly string[];
      readonly rows: readonly (readonly unknown[])[];
      readonly seconds?: number;
      readonly truncated?: boolean;
    }
  | { readonly error: string; readonly message: string; readonly seconds?: number };
export type BigQueryRunner = (projectId: string, sql: string) => BigQueryAnswer;

/** A data-source sheet's last execution. */
export interface DataExecution {
  state: "SUCCESS" | "ERROR";
  code: string;
  message: string;
  seconds: number;
  truncated: boolean;
  header: readonly string[];
  rows: readonly (readonly unknown[])[];
}
/** A data-source sheet: its spec and its last execution. */
export interface DataSourceSheetState {
  spec: { projectId: string; rawQuery: string };
  run: DataExecution;
}

export interface Ctx {
  opts: ResolvedOptions;
  book: BookState;
  counter: CallCounter;
  /** Depth of emulator calls in progress: only the outermost one is counted. */
  depth: number;
  ui: UiRecord;
  logs: string[];
  executions: ExecutionsState;
  /** When true, LockService.getDocumentLock() returns null (as outside a container document). */
  documentLockUnavailable: boolean;
  /** What the next SpreadsheetApp.flush() throws, once (Emulator.failNextFlush). */
  flushFailure: { error: unknown } | undefined;
  cache: {
    document: Map<string, { value: string; expires: number }>;
    user: Map<string, { value: string; expires: number }>;
    script: Map<string, { value: string; expires: number }>;
  };
  /** What the next alerts and prompts answer (undefined: OK, or YES for yes/no sets). */
  alertResponse: string | undefined;
  promptText: string;
  DateCtor: DateConstructor;
  sheetIds: IdSequence;
  chartIds: IdSequence;
  metadataIds: IdSequence;
  protectionIds: IdSequence;
  /** One facade per sheet, so getSheetByName(x) === getSheetByName(x). */
  sheetFacades: WeakMap<SheetState, object>;
  facades: Facades;
  script: ScriptState;
  /** Connected Sheets: what runs a raw query (a DuckDB stand-in); each data-source sheet's state is on its sheet. */
  bigQuery: BigQueryRunner | undefined;
  /** SpreadsheetApp.enableBigQueryExecution() was called: data-source sheets refuse to run without. */
  bigQueryEnabled: boolean;
}

/** Where a facade keeps its pointer into the state; a symbol so `keyof` checks ignore it. */
export const INTERNAL: unique symbol = Symbol("emulator internal");

export interface Facade {
  readonly [INTERNAL]: { ctx: Ctx };
}

/** The value cached under `key`, made by `make` on first use. */
export function cachedIn<K extends object, V>(cache: WeakMap<K, V>, key: K, make: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

/**
 * Wraps every method of a facade class so each call from outside the emulator is counted as
 * "Class.method". Applied once per class at module load: a method added later is counted without
 * anyone remembering to.
 */
export function instrument(cls: { prototype: object }, className: string): void {
  const proto = cls.prototype as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(proto)) {
    if (name === "constructor") continue;
    const desc = Object.getOwnPropertyDescriptor(proto, name);
    if (!desc || typeof desc.value !== "function") continue;
    const original = desc.value as (...args: unknown[]) => unknown;
    const key = `${className}.${name}`;
    const wrapped = function (this: Facade, ...args: unknown[]): unknown {
      const ctx = this[INTERNAL].ctx;
      if (ctx.depth === 0) ctx.counter.add(key);
      ctx.depth++;
      try {
        return original.apply(this, args);
      } finally {
        ctx.depth--;
      }
    };
    Object.defineProperty(wrapped, "name", { value: name });
    Object.defineProperty(proto, name, { ...desc, value: wrapped });
  }
  // A method the emulator lacks fails with its name, not with "x is not a function".
  Object.setPrototypeOf(proto, missingMethodTrap(className));
}

const API_VERB =
  /^(get|set|add|remove|insert|delete|clear|create|new|is|has|can|copy|move|hide|show|as|update|sort|trim|offset|auto|expand|collapse|shift|check|uncheck|randomize|break|merge|protect|activate|append|find|with|on|require|when|build|try|wait|release|put|format|parse|compute|base64|zip|unzip|sleep|log|alert|prompt|toast|flush|open|rename|duplicate|refresh|modify|evaluate|on)([A-Z0-9].*)?$/;

function missingMethodTrap(className: string): object {
  return new Proxy(Object.prototype, {
    get(target, key, receiver) {
      if (typeof key === "string" && !(key in target) && API_VERB.test(key)) {
        throw new Error(
          `emulator: ${className}.${key}() is not emulated (see dev/emulator/README.md)`,
        );
      }
      return Reflect.get(target, key, receiver);
    },
  });
}
