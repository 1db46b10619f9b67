/**
 * Apps Script enums. As in Apps Script, each member is an object whose toString() and name() give
 * its name, so `x === SpreadsheetApp.ProtectionType.SHEET` and `String(x)` both work, and a
 * member can be told apart from a plain string argument (addDeveloperMetadata(key, value) versus
 * addDeveloperMetadata(key, visibility)).
 */

export interface EnumMember {
  name(): string;
  ordinal(): number;
  toString(): string;
  toJSON(): string;
}

const MEMBERS = new WeakSet<object>();

export function names<T>(...members: string[]): T {
  const entries = members.map((m, i) => {
    const member: EnumMember = Object.freeze({
      name: () => m,
      ordinal: () => i,
      toString: () => m,
      toJSON: () => m,
    });
    MEMBERS.add(member);
    return [m, member] as const;
  });
  return Object.freeze(Object.fromEntries(entries)) as unknown as T;
}

export function isEnumMember(value: unknown): value is EnumMember {
  return typeof value === "object" && value !== null && MEMBERS.has(value);
}

/** The member `name` of an enum object, typed as that enum. */
export function member<E>(enumObject: unknown, name: string): E {
  const m = (enumObject as Record<string, unknown>)[name];
  if (m === undefined) throw new Error(`emulator: no enum member ${name}`);
  return m as E;
}

type SS = typeof GoogleAppsScript.Spreadsheet;

export const ProtectionType = names<SS["ProtectionType"]>("RANGE", "SHEET");
export const DeveloperMetadataVisibility = names<SS["DeveloperMetadataVisibility"]>(
  "DOCUMENT",
  "PROJECT",
);
export const DeveloperMetadataLocationType = names<SS["DeveloperMetadataLocationType"]>(
  "SPREADSHEET",
  "SHEET",
  "ROW",
  "COLUMN",
);
export const BorderStyle = names<SS["BorderStyle"]>(
  "DOTTED",
  "DASHED",
  "SOLID",
  "SOLID_MEDIUM",
  "SOLID_THICK",
  "DOUBLE",
);
export const DataValidationCriteria = names<SS["DataValidationCriteria"]>(
  "DATE_AFTER",
  "DATE_BEFORE",
  "DATE_BETWEEN",
  "DATE_EQUAL_TO",
  "DATE_IS_VALID_DATE",
  "DATE_NOT_BETWEEN",
  "DATE_ON_OR_AFTER",
  "DATE_ON_OR_BEFORE",
  "NUMBER_BETWEEN",
  "NUMBER_EQUAL_TO",
  "NUMBER_GREATER_THAN",
  "NUMBER_GREATER_THAN_OR_EQUAL_TO",
  "NUMBER_LESS_THAN",
  "NUMBER_LESS_THAN_OR_EQUAL_TO",
  "NUMBER_NOT_BETWEEN",
  "NUMBER_NOT_EQUAL_TO",
  "TEXT_CONTAINS",
  "TEXT_DOES_NOT_CONTAIN",
  "TEXT_EQUAL_TO",
  "TEXT_IS_VALID_EMAIL",
  "TEXT_IS_VALID_URL",
  "VALUE_IN_LIST",
  "VALUE_IN_RANGE",
  "CUSTOM_FORMULA",
  "CHECKBOX",
);
export const BooleanCriteria = names<SS["BooleanCriteria"]>(
  "CELL_EMPTY",
  "CELL_NOT_EMPTY",
  "DATE_AFTER",
  "DATE_BEFORE",
  "DATE_EQUAL_TO",
  "NUMBER_BETWEEN",
  "NUMBER_EQUAL_TO",
  "NUMBER_GREATER_THAN",
  "NUMBER_GREATER_THAN_OR_EQUAL_TO",
  "NUMBER_LESS_THAN",
  "NUMBER_LESS_THAN_OR_EQUAL_TO",
  "NUMBER_NOT_BETWEEN",
  "NUMBER_NOT_EQUAL_TO",
  "TEXT_CONTAINS",
  "TEXT_DOES_NOT_CONTAIN",
  "TEXT_EQUAL_TO",
  "TEXT_STARTS_WITH",
  "TEXT_ENDS_WITH",
  "CUSTOM_FORMULA",
);
export const WrapStrategy = names<SS["WrapStrategy"]>("WRAP", "OVERFLOW", "CLIP");
export const Dimension = names<SS["Dimension"]>("COLUMNS", "ROWS");
export const SheetType = names<SS["SheetType"]>("GRID", "OBJECT");

type Charts = typeof GoogleAppsScript.Charts;
export const ChartType = names<Charts["ChartType"]>(
  "TIMELINE",
  "AREA",
  "BAR",
  "BUBBLE",
  "CANDLESTICK",
  "COLUMN",
  "COMBO",
  "GAUGE",
  "GEO",
  "HISTOGRAM",
  "RADAR",
  "LINE",
  "ORG",
  "PIE",
  "SCATTER",
  "SPARKLINE",
  "STEPPED_AREA",
  "TABLE",
  "TREEMAP",
  "WATERFALL",
);
export const ChartMergeStrategy = names<Charts["ChartMergeStrategy"]>(
  "MERGE_COLUMNS",
  "MERGE_ROWS",
);
export const ChartHiddenDimensionStrategy = names<Charts["ChartHiddenDimensionStrategy"]>(
  "IGNORE_BOTH",
  "IGNORE_ROWS",
  "IGNORE_COLUMNS",
  "SHOW_BOTH",
);
export const CurveStyle = names<Charts["CurveStyle"]>("NORMAL", "SMOOTH");
export const Position = names<Charts["Position"]>("TOP", "RIGHT", "BOTTOM", "NONE");

type Base = typeof GoogleAppsScript.Base;
export const Button = names<Base["Button"]>("CLOSE", "OK", "CANCEL", "YES", "NO");
export const ButtonSet = names<Base["ButtonSet"]>("OK", "OK_CANCEL", "YES_NO", "YES_NO_CANCEL");

type Html = typeof GoogleAppsScript.HTML;
export const SandboxMode = names<Html["SandboxMode"]>("EMULATED", "IFRAME", "NATIVE");
export const XFrameOptionsMode = names<Html["XFrameOptionsMode"]>("ALLOWALL", "DEFAULT");

type Script = typeof GoogleAppsScript.Script;
export const AuthMode = names<Script["AuthMode"]>("NONE", "CUSTOM_FUNCTION", "LIMITED", "FULL");
export const AuthorizationStatus = names<Script["AuthorizationStatus"]>("REQUIRED", "NOT_REQUIRED");
export const EventType = names<Script["EventType"]>(
  "CLOCK",
  "ON_OPEN",
  "ON_EDIT",
  "ON_FORM_SUBMIT",
  "ON_CHANGE",
  "ON_EVENT_UPDATED",
);
export const TriggerSource = names<Script["TriggerSource"]>(
  "SPREADSHEETS",
  "CLOCK",
  "FORMS",
  "DOCUMENTS",
  "CALENDAR",
);
export const InstallationSource = names<Script["InstallationSource"]>(
  "APPS_MARKETPLACE_DOMAIN_ADD_ON",
  "NONE",
  "WEB_STORE_ADD_ON",
);
/** Sunday first, as Base.Weekday and Date.getDay() count. */
export const Weekday = names<Base["Weekday"]>(
  "SUNDAY",
  "MONDAY",
  "TUESDAY",
  "WEDNESDAY",
  "THURSDAY",
  "FRIDAY",
  "SATURDAY",
);

/** The member name of an enum value (a member, or its name as a string). */
export function enumName(value: unknown): string {
  if (isEnumMember(value) || typeof value === "string") return String(value);
  throw new Error(`emulator: expected an enum member, got ${typeof value}`);
}
