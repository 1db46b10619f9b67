/** Developer metadata: the entries, their locations and the finder. */
import { formatA1, intersects, type Rect } from "../a1.ts";
import {
  DeveloperMetadataLocationType,
  DeveloperMetadataVisibility,
  enumName,
  isEnumMember,
  member,
} from "../enums.ts";
import {
  type Ctx,
  INTERNAL,
  instrument,
  type MetadataLocation,
  type MetadataState,
  type SheetState,
} from "../state.ts";
import { signatureError } from "./cells.ts";

type G = GoogleAppsScript.Spreadsheet.Sheet;
type GRange = GoogleAppsScript.Spreadsheet.Range;

function findSheet(ctx: Ctx, sheetId: number): SheetState | undefined {
  return ctx.book.sheets.find((s) => s.id === sheetId);
}

/** Where metadata on a range goes: a whole row span or column span, or Sheets' error. */
export function rangeLocation(sheet: SheetState, rect: Rect): MetadataLocation {
  if (rect.c1 === 1 && rect.c2 === sheet.maxColumns) {
    return { type: "ROW", sheetId: sheet.id, start: rect.r1, end: rect.r2 };
  }
  if (rect.r1 === 1 && rect.r2 === sheet.maxRows) {
    return { type: "COLUMN", sheetId: sheet.id, start: rect.c1, end: rect.c2 };
  }
  throw new Error(
    `Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column. (range ${sheet.name}!${formatA1(rect)})`,
  );
}

/** addDeveloperMetadata(key), (key, value), (key, visibility), (key, value, visibility). */
export function addMetadata(
  ctx: Ctx,
  location: MetadataLocation,
  key: unknown,
  valueOrVisibility: unknown,
  visibility: unknown,
  method: string,
): void {
  if (typeof key !== "string" || key === "") throw signatureError(method, [key]);
  let value: string | null = null;
  let vis: unknown = DeveloperMetadataVisibility.DOCUMENT;
  if (isEnumMember(valueOrVisibility)) vis = valueOrVisibility;
  else if (valueOrVisibility !== undefined) {
    if (typeof valueOrVisibility !== "string")
      throw signatureError(method, [key, valueOrVisibility]);
    value = valueOrVisibility;
    if (visibility !== undefined) vis = visibility;
  }
  const visName = String(vis);
  if (visName !== "DOCUMENT" && visName !== "PROJECT")
    throw signatureError(method, [key, value, vis]);
  ctx.book.metadata.push({ id: ctx.metadataIds.next(), key, value, visibility: visName, location });
}

// ── Developer metadata ──────────────────────────────────────────────────────────────────────────

export type DeveloperMetadataMethods =
  | "getId"
  | "getKey"
  | "getLocation"
  | "getValue"
  | "getVisibility"
  | "moveToSheet"
  | "moveToSpreadsheet"
  | "remove"
  | "setKey"
  | "setValue"
  | "setVisibility";

type DM = GoogleAppsScript.Spreadsheet.DeveloperMetadata;

/** The workbook's metadata that `keep` accepts, as DeveloperMetadata objects. */
export function metadataWhere(ctx: Ctx, keep: (m: MetadataState) => boolean): DM[] {
  return ctx.book.metadata
    .filter(keep)
    .map((m) => new EmuDeveloperMetadata(ctx, m.id) as unknown as DM);
}

export class EmuDeveloperMetadata implements Pick<DM, DeveloperMetadataMethods> {
  readonly [INTERNAL]: { ctx: Ctx; id: number };
  constructor(ctx: Ctx, id: number) {
    this[INTERNAL] = { ctx, id };
  }
  getId(): number {
    return this.state().id;
  }
  getKey(): string {
    return this.state().key;
  }
  getValue(): string | null {
    return this.state().value;
  }
  getVisibility(): GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility {
    return member(DeveloperMetadataVisibility, this.state().visibility);
  }
  getLocation(): GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation {
    const m = this.state();
    return new EmuDeveloperMetadataLocation(this[INTERNAL].ctx, {
      ...m.location,
    }) as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation;
  }
  setKey(key: string): DM {
    if (typeof key !== "string" || key === "")
      throw new Error("emulator: DeveloperMetadata.setKey expects a non-empty string");
    this.state().key = key;
    return this as unknown as DM;
  }
  setValue(value: string): DM {
    this.state().value = String(value);
    return this as unknown as DM;
  }
  setVisibility(visibility: GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility): DM {
    const v = enumName(visibility);
    if (v !== "DOCUMENT" && v !== "PROJECT") throw new Error(`emulator: unknown visibility ${v}`);
    this.state().visibility = v;
    return this as unknown as DM;
  }
  moveToSheet(sheet: G): DM {
    const target = unwrapSheetId(sheet);
    this.state().location = { type: "SHEET", sheetId: target };
    return this as unknown as DM;
  }
  moveToSpreadsheet(): DM {
    this.state().location = { type: "SPREADSHEET" };
    return this as unknown as DM;
  }
  remove(): void {
    const { ctx, id } = this[INTERNAL];
    this.state();
    ctx.book.metadata = ctx.book.metadata.filter((m) => m.id !== id);
  }
  private state(): MetadataState {
    const { ctx, id } = this[INTERNAL];
    const m = ctx.book.metadata.find((x) => x.id === id);
    if (!m) throw new Error("emulator: this developer metadata has been removed");
    return m;
  }
}
instrument(EmuDeveloperMetadata, "DeveloperMetadata");

function unwrapSheetId(sheet: unknown): number {
  const id = (sheet as { getSheetId?: () => number }).getSheetId?.();
  if (typeof id !== "number") throw new Error("emulator: expected a Sheet from this emulator");
  return id;
}

export type DeveloperMetadataLocationMethods =
  | "getColumn"
  | "getLocationType"
  | "getRow"
  | "getSheet"
  | "getSpreadsheet";

export class EmuDeveloperMetadataLocation
  implements
    Pick<GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation, DeveloperMetadataLocationMethods>
{
  readonly [INTERNAL]: { ctx: Ctx; location: MetadataState["location"] };
  constructor(ctx: Ctx, location: MetadataState["location"]) {
    this[INTERNAL] = { ctx, location };
  }
  getLocationType(): GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType {
    return member(DeveloperMetadataLocationType, this[INTERNAL].location.type);
  }
  getSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet | null {
    const { ctx, location } = this[INTERNAL];
    return location.type === "SPREADSHEET" ? ctx.facades.spreadsheet() : null;
  }
  getSheet(): G | null {
    const { ctx, location } = this[INTERNAL];
    if (location.type === "SPREADSHEET") return null;
    const sheet = findSheet(ctx, location.sheetId);
    return sheet ? ctx.facades.sheet(sheet) : null;
  }
  getRow(): GRange | null {
    const { ctx, location } = this[INTERNAL];
    if (location.type !== "ROW") return null;
    const sheet = findSheet(ctx, location.sheetId);
    return sheet
      ? ctx.facades.range(
          sheet,
          { r1: location.start, r2: location.end, c1: 1, c2: sheet.maxColumns },
          { rowsBounded: true, colsBounded: false },
        )
      : null;
  }
  getColumn(): GRange | null {
    const { ctx, location } = this[INTERNAL];
    if (location.type !== "COLUMN") return null;
    const sheet = findSheet(ctx, location.sheetId);
    return sheet
      ? ctx.facades.range(
          sheet,
          { r1: 1, r2: sheet.maxRows, c1: location.start, c2: location.end },
          { rowsBounded: false, colsBounded: true },
        )
      : null;
  }
}
instrument(EmuDeveloperMetadataLocation, "DeveloperMetadataLocation");

export type FinderScope =
  | { kind: "spreadsheet" }
  | { kind: "sheet"; sheetId: number }
  | { kind: "range"; sheetId: number; rect: Rect };

export type DeveloperMetadataFinderMethods =
  | "find"
  | "onIntersectingLocations"
  | "withId"
  | "withKey"
  | "withLocationType"
  | "withValue"
  | "withVisibility";

type DMF = GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder;

export class EmuDeveloperMetadataFinder implements Pick<DMF, DeveloperMetadataFinderMethods> {
  readonly [INTERNAL]: {
    ctx: Ctx;
    scope: FinderScope;
    filters: ((m: MetadataState) => boolean)[];
  };
  constructor(ctx: Ctx, scope: FinderScope) {
    this[INTERNAL] = { ctx, scope, filters: [] };
  }
  find(): DM[] {
    const { ctx, scope, filters } = this[INTERNAL];
    return metadataWhere(ctx, (m) => inScope(ctx, m, scope) && filters.every((f) => f(m)));
  }
  onIntersectingLocations(): DMF {
    return this as unknown as DMF;
  }
  withId(id: number): DMF {
    this[INTERNAL].filters.push((m) => m.id === id);
    return this as unknown as DMF;
  }
  withKey(key: string): DMF {
    this[INTERNAL].filters.push((m) => m.key === key);
    return this as unknown as DMF;
  }
  withValue(value: string): DMF {
    this[INTERNAL].filters.push((m) => m.value === value);
    return this as unknown as DMF;
  }
  withLocationType(locationType: GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType): DMF {
    const t = enumName(locationType);
    this[INTERNAL].filters.push((m) => m.location.type === t);
    return this as unknown as DMF;
  }
  withVisibility(visibility: GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility): DMF {
    const v = enumName(visibility);
    this[INTERNAL].filters.push((m) => m.visibility === v);
    return this as unknown as DMF;
  }
}
instrument(EmuDeveloperMetadataFinder, "DeveloperMetadataFinder");

function inScope(ctx: Ctx, m: MetadataState, scope: FinderScope): boolean {
  if (scope.kind === "spreadsheet") return true;
  const loc = m.location;
  if (loc.type === "SPREADSHEET" || loc.sheetId !== scope.sheetId) return false;
  if (scope.kind === "sheet") return true;
  if (loc.type === "SHEET") return false;
  const sheet = findSheet(ctx, loc.sheetId);
  if (!sheet) return false;
  const rect: Rect =
    loc.type === "ROW"
      ? { r1: loc.start, r2: loc.end, c1: 1, c2: sheet.maxColumns }
      : { r1: 1, r2: sheet.maxRows, c1: loc.start, c2: loc.end };
  return intersects(rect, scope.rect);
}
