/** Protection, data validation, conditional format rules and developer metadata. */
import { type Bounds, intersects, type Rect } from "./a1.ts";
import {
  BooleanCriteria,
  DataValidationCriteria,
  DeveloperMetadataLocationType,
  DeveloperMetadataVisibility,
  enumName,
  member,
  ProtectionType,
} from "./enums.ts";
import { EmuRange, unwrapRange } from "./range.ts";
import { EmuUser } from "./services.ts";
import { sheetFacade, spreadsheetFacade } from "./spreadsheet.ts";
import {
  type ConditionalRuleState,
  type Ctx,
  type DataValidationState,
  INTERNAL,
  instrument,
  type MetadataState,
  type ProtectionState,
  type SheetState,
} from "./state.ts";
import { type CellValue, isDate, kindOf } from "./values.ts";

type G = GoogleAppsScript.Spreadsheet.Sheet;
type GRange = GoogleAppsScript.Spreadsheet.Range;
const asRange = (ctx: Ctx, sheet: SheetState, rect: Rect, bounds?: Bounds) =>
  new EmuRange(ctx, sheet, { ...rect }, bounds) as unknown as GRange;

function findSheet(ctx: Ctx, sheetId: number): SheetState | undefined {
  return ctx.book.sheets.find((s) => s.id === sheetId);
}

// ── Protection ──────────────────────────────────────────────────────────────────────────────────

export type ProtectionMethods =
  | "addEditor"
  | "addEditors"
  | "canDomainEdit"
  | "canEdit"
  | "getDescription"
  | "getEditors"
  | "getProtectionType"
  | "getRange"
  | "getUnprotectedRanges"
  | "isWarningOnly"
  | "remove"
  | "removeEditor"
  | "removeEditors"
  | "setDescription"
  | "setDomainEdit"
  | "setRange"
  | "setUnprotectedRanges"
  | "setWarningOnly";

export class EmuProtection
  implements Pick<GoogleAppsScript.Spreadsheet.Protection, ProtectionMethods>
{
  readonly [INTERNAL]: { ctx: Ctx; sheet: SheetState; id: number };
  constructor(ctx: Ctx, sheet: SheetState, id: number) {
    this[INTERNAL] = { ctx, sheet, id };
  }
  addEditor(
    emailAddress: string | GoogleAppsScript.Base.User,
  ): GoogleAppsScript.Spreadsheet.Protection {
    const p = this.state();
    const email = typeof emailAddress === "string" ? emailAddress : emailAddress.getEmail();
    if (!p.editors.includes(email)) p.editors.push(email);
    return this.self();
  }
  addEditors(emailAddresses: string[]): GoogleAppsScript.Spreadsheet.Protection {
    const p = this.state();
    for (const e of emailAddresses) if (!p.editors.includes(e)) p.editors.push(e);
    return this.self();
  }
  canDomainEdit(): boolean {
    this.state();
    return false;
  }
  canEdit(): boolean {
    this.state();
    return true;
  }
  setDomainEdit(_editable: boolean): GoogleAppsScript.Spreadsheet.Protection {
    this.state();
    return this.self();
  }
  getDescription(): string {
    return this.state().description;
  }
  setDescription(description: string): GoogleAppsScript.Spreadsheet.Protection {
    this.state().description = String(description);
    return this.self();
  }
  getEditors(): GoogleAppsScript.Base.User[] {
    const { ctx } = this[INTERNAL];
    return this.state().editors.map(
      (e) => new EmuUser(ctx, e) as unknown as GoogleAppsScript.Base.User,
    );
  }
  removeEditor(
    emailAddress: string | GoogleAppsScript.Base.User,
  ): GoogleAppsScript.Spreadsheet.Protection {
    const p = this.state();
    const email = typeof emailAddress === "string" ? emailAddress : emailAddress.getEmail();
    p.editors = p.editors.filter((e) => e !== email);
    return this.self();
  }
  removeEditors(
    users: (string | GoogleAppsScript.Base.User)[],
  ): GoogleAppsScript.Spreadsheet.Protection {
    const p = this.state();
    const emails = users.map((u) => (typeof u === "string" ? u : u.getEmail()));
    // The owner and the script's user always keep edit rights, as in Sheets.
    p.editors = p.editors.filter(
      (e) => !emails.includes(e) || e === this[INTERNAL].ctx.opts.userEmail,
    );
    return this.self();
  }
  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    return member(ProtectionType, this.state().type);
  }
  getRange(): GRange {
    const { ctx, sheet } = this[INTERNAL];
    const p = this.state();
    const rect = p.rect ?? { r1: 1, c1: 1, r2: sheet.maxRows, c2: sheet.maxColumns };
    return asRange(ctx, sheet, rect);
  }
  setRange(range: GRange): GoogleAppsScript.Spreadsheet.Protection {
    const p = this.state();
    const r = unwrapRange(range, "Protection.setRange");
    if (p.type !== "RANGE")
      throw new Error("emulator: Protection.setRange applies to range protections");
    if (r.sheet !== this[INTERNAL].sheet)
      throw new Error("emulator: Protection.setRange: the range is on another sheet");
    p.rect = { ...r.rect };
    return this.self();
  }
  getUnprotectedRanges(): GRange[] {
    const { ctx, sheet } = this[INTERNAL];
    return this.state().unprotected.map((r) => asRange(ctx, sheet, r));
  }
  setUnprotectedRanges(ranges: GRange[]): GoogleAppsScript.Spreadsheet.Protection {
    const p = this.state();
    if (p.type !== "SHEET")
      throw new Error("emulator: unprotected ranges apply to sheet protections");
    p.unprotected = ranges.map((r) => ({
      ...unwrapRange(r, "Protection.setUnprotectedRanges").rect,
    }));
    return this.self();
  }
  isWarningOnly(): boolean {
    return this.state().warningOnly;
  }
  setWarningOnly(warningOnly: boolean): GoogleAppsScript.Spreadsheet.Protection {
    if (typeof warningOnly !== "boolean")
      throw new Error("emulator: Protection.setWarningOnly expects a boolean");
    this.state().warningOnly = warningOnly;
    return this.self();
  }
  remove(): void {
    const { sheet, id } = this[INTERNAL];
    this.state();
    sheet.protections = sheet.protections.filter((p) => p.id !== id);
  }
  private state(): ProtectionState {
    const { sheet, id } = this[INTERNAL];
    const p = sheet.deleted ? undefined : sheet.protections.find((x) => x.id === id);
    if (!p) throw new Error("emulator: this protection has been removed");
    return p;
  }
  private self(): GoogleAppsScript.Spreadsheet.Protection {
    return this as unknown as GoogleAppsScript.Spreadsheet.Protection;
  }
}
instrument(EmuProtection, "Protection");

// ── Data validation ─────────────────────────────────────────────────────────────────────────────

export type DataValidationMethods =
  | "copy"
  | "getAllowInvalid"
  | "getCriteriaType"
  | "getCriteriaValues"
  | "getHelpText";

function cloneValues(values: unknown[]): unknown[] {
  return values.map((v) => (Array.isArray(v) ? [...v] : isDate(v) ? new Date(v.getTime()) : v));
}

export class EmuDataValidation
  implements Pick<GoogleAppsScript.Spreadsheet.DataValidation, DataValidationMethods>
{
  readonly [INTERNAL]: { ctx: Ctx; state: DataValidationState };
  constructor(ctx: Ctx, state: DataValidationState) {
    this[INTERNAL] = { ctx, state: { ...state, values: cloneValues(state.values) } };
  }
  copy(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    const { ctx, state } = this[INTERNAL];
    return new EmuDataValidationBuilder(
      ctx,
      state,
    ) as unknown as GoogleAppsScript.Spreadsheet.DataValidationBuilder;
  }
  getAllowInvalid(): boolean {
    return this[INTERNAL].state.allowInvalid;
  }
  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    return member(DataValidationCriteria, this[INTERNAL].state.criteria);
  }
  getCriteriaValues(): unknown[] {
    return cloneValues(this[INTERNAL].state.values);
  }
  getHelpText(): string {
    return this[INTERNAL].state.helpText ?? "";
  }
}
instrument(EmuDataValidation, "DataValidation");

export function unwrapDataValidation(rule: unknown, where: string): DataValidationState {
  if (!(rule instanceof EmuDataValidation))
    throw new Error(`emulator: ${where} expects a DataValidation built here`);
  const s = rule[INTERNAL].state;
  return { ...s, values: cloneValues(s.values) };
}

export type DataValidationBuilderMethods =
  | "build"
  | "copy"
  | "getAllowInvalid"
  | "getCriteriaType"
  | "getCriteriaValues"
  | "getHelpText"
  | "requireCheckbox"
  | "requireDate"
  | "requireDateAfter"
  | "requireDateBefore"
  | "requireDateBetween"
  | "requireDateOnOrAfter"
  | "requireDateOnOrBefore"
  | "requireFormulaSatisfied"
  | "requireNumberBetween"
  | "requireNumberGreaterThan"
  | "requireNumberGreaterThanOrEqualTo"
  | "requireNumberLessThan"
  | "requireNumberLessThanOrEqualTo"
  | "requireTextIsEmail"
  | "requireTextIsUrl"
  | "requireValueInList"
  | "setAllowInvalid"
  | "setHelpText"
  | "withCriteria";

type DVB = GoogleAppsScript.Spreadsheet.DataValidationBuilder;

export class EmuDataValidationBuilder implements Pick<DVB, DataValidationBuilderMethods> {
  readonly [INTERNAL]: {
    ctx: Ctx;
    state: DataValidationState | undefined;
    allowInvalid: boolean;
    helpText: string | null;
  };
  constructor(ctx: Ctx, from?: DataValidationState) {
    this[INTERNAL] = {
      ctx,
      state: from ? { ...from, values: cloneValues(from.values) } : undefined,
      // Sheets' builder shows a warning on invalid data unless told to reject it.
      allowInvalid: from?.allowInvalid ?? true,
      helpText: from?.helpText ?? null,
    };
  }
  build(): GoogleAppsScript.Spreadsheet.DataValidation {
    const i = this[INTERNAL];
    if (!i.state) throw new Error("You must specify a criteria type for data validation rule.");
    return new EmuDataValidation(i.ctx, {
      ...i.state,
      allowInvalid: i.allowInvalid,
      helpText: i.helpText,
    }) as unknown as GoogleAppsScript.Spreadsheet.DataValidation;
  }
  copy(): DVB {
    const i = this[INTERNAL];
    const b = new EmuDataValidationBuilder(
      i.ctx,
      i.state ? { ...i.state, allowInvalid: i.allowInvalid, helpText: i.helpText } : undefined,
    );
    b[INTERNAL].allowInvalid = i.allowInvalid;
    b[INTERNAL].helpText = i.helpText;
    return b as unknown as DVB;
  }
  getAllowInvalid(): boolean {
    return this[INTERNAL].allowInvalid;
  }
  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    const s = this[INTERNAL].state;
    if (!s) throw new Error("emulator: DataValidationBuilder has no criteria yet");
    return member(DataValidationCriteria, s.criteria);
  }
  getCriteriaValues(): unknown[] {
    return cloneValues(this[INTERNAL].state?.values ?? []);
  }
  getHelpText(): string | null {
    return this[INTERNAL].helpText;
  }
  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): DVB {
    const values =
      checkedValue === undefined
        ? []
        : uncheckedValue === undefined
          ? [checkedValue]
          : [checkedValue, uncheckedValue];
    return this.criteria("CHECKBOX", values);
  }
  requireDate(): DVB {
    return this.criteria("DATE_IS_VALID_DATE", []);
  }
  requireDateAfter(date: GoogleAppsScript.Base.Date): DVB {
    return this.criteria("DATE_AFTER", [dateArg(date, "requireDateAfter")]);
  }
  requireDateBefore(date: GoogleAppsScript.Base.Date): DVB {
    return this.criteria("DATE_BEFORE", [dateArg(date, "requireDateBefore")]);
  }
  requireDateBetween(start: GoogleAppsScript.Base.Date, end: GoogleAppsScript.Base.Date): DVB {
    return this.criteria("DATE_BETWEEN", [
      dateArg(start, "requireDateBetween"),
      dateArg(end, "requireDateBetween"),
    ]);
  }
  requireDateOnOrAfter(date: GoogleAppsScript.Base.Date): DVB {
    return this.criteria("DATE_ON_OR_AFTER", [dateArg(date, "requireDateOnOrAfter")]);
  }
  requireDateOnOrBefore(date: GoogleAppsScript.Base.Date): DVB {
    return this.criteria("DATE_ON_OR_BEFORE", [dateArg(date, "requireDateOnOrBefore")]);
  }
  requireFormulaSatisfied(formula: string): DVB {
    return this.criteria("CUSTOM_FORMULA", [String(formula)]);
  }
  requireNumberBetween(start: number, end: number): DVB {
    return this.criteria("NUMBER_BETWEEN", [num(start), num(end)]);
  }
  requireNumberGreaterThan(number: number): DVB {
    return this.criteria("NUMBER_GREATER_THAN", [num(number)]);
  }
  requireNumberGreaterThanOrEqualTo(number: number): DVB {
    return this.criteria("NUMBER_GREATER_THAN_OR_EQUAL_TO", [num(number)]);
  }
  requireNumberLessThan(number: number): DVB {
    return this.criteria("NUMBER_LESS_THAN", [num(number)]);
  }
  requireNumberLessThanOrEqualTo(number: number): DVB {
    return this.criteria("NUMBER_LESS_THAN_OR_EQUAL_TO", [num(number)]);
  }
  requireTextIsEmail(): DVB {
    return this.criteria("TEXT_IS_VALID_EMAIL", []);
  }
  requireTextIsUrl(): DVB {
    return this.criteria("TEXT_IS_VALID_URL", []);
  }
  requireValueInList(values: string[], showDropdown?: boolean): DVB {
    if (!Array.isArray(values) || values.length === 0) {
      throw new Error(
        "emulator: DataValidationBuilder.requireValueInList needs a non-empty array of strings",
      );
    }
    for (const v of values) {
      if (typeof v !== "string")
        throw new Error(`emulator: requireValueInList: ${kindOf(v)} in the list (strings only)`);
    }
    return this.criteria("VALUE_IN_LIST", [[...values], showDropdown ?? true]);
  }
  setAllowInvalid(allowInvalidData: boolean): DVB {
    this[INTERNAL].allowInvalid = !!allowInvalidData;
    return this as unknown as DVB;
  }
  setHelpText(helpText: string): DVB {
    this[INTERNAL].helpText = String(helpText);
    return this as unknown as DVB;
  }
  withCriteria(
    criteria: GoogleAppsScript.Spreadsheet.DataValidationCriteria,
    args: unknown[],
  ): DVB {
    return this.criteria(enumName(criteria), cloneValues(args));
  }
  private criteria(criteria: string, values: unknown[]): DVB {
    const i = this[INTERNAL];
    i.state = { criteria, values, allowInvalid: i.allowInvalid, helpText: i.helpText };
    return this as unknown as DVB;
  }
}
instrument(EmuDataValidationBuilder, "DataValidationBuilder");

function num(v: unknown): number {
  if (typeof v !== "number" || !Number.isFinite(v))
    throw new Error(`emulator: expected a number, got ${kindOf(v)}`);
  return v;
}

function dateArg(v: unknown, method: string): Date {
  if (!isDate(v)) throw new Error(`emulator: DataValidationBuilder.${method} expects a Date`);
  return new Date(v.getTime());
}

/** True when a written value breaks a rule Sheets would enforce; unknown criteria pass. */
export function validationViolated(rule: DataValidationState, value: CellValue): boolean {
  const [a, b] = rule.values;
  switch (rule.criteria) {
    case "VALUE_IN_LIST":
      return !(a as string[]).includes(isDate(value) ? value.toISOString() : String(value));
    case "CHECKBOX":
      if (rule.values.length === 0) return typeof value !== "boolean";
      return value !== a && value !== b;
    case "DATE_IS_VALID_DATE":
      return !isDate(value);
    case "DATE_AFTER":
      return !isDate(value) || !(value.getTime() > (a as Date).getTime());
    case "DATE_BEFORE":
      return !isDate(value) || !(value.getTime() < (a as Date).getTime());
    case "DATE_ON_OR_AFTER":
      return !isDate(value) || !(value.getTime() >= (a as Date).getTime());
    case "DATE_ON_OR_BEFORE":
      return !isDate(value) || !(value.getTime() <= (a as Date).getTime());
    case "DATE_BETWEEN":
      return (
        !isDate(value) ||
        value.getTime() < (a as Date).getTime() ||
        value.getTime() > (b as Date).getTime()
      );
    case "NUMBER_BETWEEN":
      return typeof value !== "number" || value < (a as number) || value > (b as number);
    case "NUMBER_GREATER_THAN":
      return typeof value !== "number" || !(value > (a as number));
    case "NUMBER_GREATER_THAN_OR_EQUAL_TO":
      return typeof value !== "number" || !(value >= (a as number));
    case "NUMBER_LESS_THAN":
      return typeof value !== "number" || !(value < (a as number));
    case "NUMBER_LESS_THAN_OR_EQUAL_TO":
      return typeof value !== "number" || !(value <= (a as number));
    case "TEXT_IS_VALID_EMAIL":
      return typeof value !== "string" || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
    default:
      return false;
  }
}

// ── Conditional format rules ────────────────────────────────────────────────────────────────────

/** A rule as built, before it is attached to a sheet: its ranges still name their sheet. */
export interface RuleDraft {
  ranges: { sheetId: number; rect: Rect }[];
  criteria: string | undefined;
  values: unknown[];
  format: ConditionalRuleState["format"];
}

export type ConditionalFormatRuleMethods =
  | "copy"
  | "getBooleanCondition"
  | "getGradientCondition"
  | "getRanges";

function cloneDraft(d: RuleDraft): RuleDraft {
  return {
    ranges: d.ranges.map((r) => ({ sheetId: r.sheetId, rect: { ...r.rect } })),
    criteria: d.criteria,
    values: cloneValues(d.values),
    format: { ...d.format },
  };
}

export class EmuConditionalFormatRule
  implements Pick<GoogleAppsScript.Spreadsheet.ConditionalFormatRule, ConditionalFormatRuleMethods>
{
  readonly [INTERNAL]: RuleInternal;
  constructor(ctx: Ctx, draft: RuleDraft) {
    this[INTERNAL] = { ctx, draft: cloneDraft(draft) };
  }
  copy(): CFB {
    return builderOf(this[INTERNAL]);
  }
  getBooleanCondition(): GoogleAppsScript.Spreadsheet.BooleanCondition | null {
    return conditionOf(this[INTERNAL]);
  }
  getGradientCondition(): GoogleAppsScript.Spreadsheet.GradientCondition | null {
    return null;
  }
  getRanges(): GRange[] {
    return rangesOf(this[INTERNAL]);
  }
}
instrument(EmuConditionalFormatRule, "ConditionalFormatRule");

// The getters a rule and its builder share: plain functions rather than a base class, because
// instrument() counts only a class's own methods and replaces its prototype's parent.
interface RuleInternal {
  ctx: Ctx;
  draft: RuleDraft;
}

function builderOf({ ctx, draft }: RuleInternal): CFB {
  return new EmuConditionalFormatRuleBuilder(ctx, draft) as unknown as CFB;
}

function conditionOf({
  ctx,
  draft,
}: RuleInternal): GoogleAppsScript.Spreadsheet.BooleanCondition | null {
  return draft.criteria
    ? (new EmuBooleanCondition(
        ctx,
        draft,
      ) as unknown as GoogleAppsScript.Spreadsheet.BooleanCondition)
    : null;
}

function rangesOf({ ctx, draft }: RuleInternal): GRange[] {
  return draft.ranges.flatMap((r) => {
    const sheet = findSheet(ctx, r.sheetId);
    return sheet && !sheet.deleted ? [asRange(ctx, sheet, r.rect)] : [];
  });
}

export function unwrapRule(rule: unknown, where: string): RuleDraft {
  if (!(rule instanceof EmuConditionalFormatRule))
    throw new Error(`emulator: ${where} expects ConditionalFormatRules built here`);
  return cloneDraft(rule[INTERNAL].draft);
}

export type BooleanConditionMethods =
  | "getBackground"
  | "getBold"
  | "getCriteriaType"
  | "getCriteriaValues"
  | "getFontColor"
  | "getItalic"
  | "getStrikethrough"
  | "getUnderline";

export class EmuBooleanCondition
  implements Pick<GoogleAppsScript.Spreadsheet.BooleanCondition, BooleanConditionMethods>
{
  readonly [INTERNAL]: RuleInternal;
  constructor(ctx: Ctx, draft: RuleDraft) {
    this[INTERNAL] = { ctx, draft: cloneDraft(draft) };
  }
  getBackground(): string | null {
    return this[INTERNAL].draft.format.background ?? null;
  }
  getBold(): boolean | null {
    return this[INTERNAL].draft.format.bold ?? null;
  }
  getItalic(): boolean | null {
    return this[INTERNAL].draft.format.italic ?? null;
  }
  getStrikethrough(): boolean | null {
    return this[INTERNAL].draft.format.strikethrough ?? null;
  }
  getUnderline(): boolean | null {
    return this[INTERNAL].draft.format.underline ?? null;
  }
  getFontColor(): string | null {
    return this[INTERNAL].draft.format.fontColor ?? null;
  }
  getCriteriaType(): GoogleAppsScript.Spreadsheet.BooleanCriteria {
    return member(BooleanCriteria, this[INTERNAL].draft.criteria ?? "");
  }
  getCriteriaValues(): unknown[] {
    return cloneValues(this[INTERNAL].draft.values);
  }
}
instrument(EmuBooleanCondition, "BooleanCondition");

export type ConditionalFormatRuleBuilderMethods =
  | "build"
  | "copy"
  | "getBooleanCondition"
  | "getGradientCondition"
  | "getRanges"
  | "setBackground"
  | "setBold"
  | "setFontColor"
  | "setItalic"
  | "setRanges"
  | "setStrikethrough"
  | "setUnderline"
  | "whenCellEmpty"
  | "whenCellNotEmpty"
  | "whenFormulaSatisfied"
  | "whenNumberBetween"
  | "whenNumberEqualTo"
  | "whenNumberGreaterThan"
  | "whenNumberGreaterThanOrEqualTo"
  | "whenNumberLessThan"
  | "whenNumberLessThanOrEqualTo"
  | "whenNumberNotBetween"
  | "whenNumberNotEqualTo"
  | "whenTextContains"
  | "whenTextDoesNotContain"
  | "whenTextEndsWith"
  | "whenTextEqualTo"
  | "whenTextStartsWith"
  | "withCriteria";

type CFB = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;

export class EmuConditionalFormatRuleBuilder
  implements Pick<CFB, ConditionalFormatRuleBuilderMethods>
{
  readonly [INTERNAL]: RuleInternal;
  constructor(ctx: Ctx, from?: RuleDraft) {
    this[INTERNAL] = {
      ctx,
      draft: from ? cloneDraft(from) : { ranges: [], criteria: undefined, values: [], format: {} },
    };
  }
  build(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
    const { ctx, draft } = this[INTERNAL];
    if (!draft.criteria)
      throw new Error("emulator: a conditional format rule needs a condition (when…)");
    if (draft.ranges.length === 0)
      throw new Error("emulator: a conditional format rule needs setRanges([…])");
    if (Object.keys(draft.format).length === 0)
      throw new Error("emulator: a conditional format rule needs a format (setBackground, …)");
    return new EmuConditionalFormatRule(
      ctx,
      draft,
    ) as unknown as GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
  }
  copy(): CFB {
    return builderOf(this[INTERNAL]);
  }
  getBooleanCondition(): GoogleAppsScript.Spreadsheet.BooleanCondition | null {
    return conditionOf(this[INTERNAL]);
  }
  getGradientCondition(): GoogleAppsScript.Spreadsheet.GradientCondition | null {
    return null;
  }
  getRanges(): GRange[] {
    return rangesOf(this[INTERNAL]);
  }
  setBackground(color: string | null): CFB {
    return this.format("background", color === null ? undefined : normalizeRuleColor(color));
  }
  setFontColor(color: string | null): CFB {
    return this.format("fontColor", color === null ? undefined : normalizeRuleColor(color));
  }
  setBold(bold: boolean | null): CFB {
    return this.format("bold", bold ?? undefined);
  }
  setItalic(italic: boolean | null): CFB {
    return this.format("italic", italic ?? undefined);
  }
  setStrikethrough(strikethrough: boolean | null): CFB {
    return this.format("strikethrough", strikethrough ?? undefined);
  }
  setUnderline(underline: boolean | null): CFB {
    return this.format("underline", underline ?? undefined);
  }
  setRanges(ranges: GRange[]): CFB {
    this[INTERNAL].draft.ranges = ranges.map((r) => {
      const i = unwrapRange(r, "ConditionalFormatRuleBuilder.setRanges");
      return { sheetId: i.sheet.id, rect: { ...i.rect } };
    });
    return this as unknown as CFB;
  }
  whenCellEmpty(): CFB {
    return this.when("CELL_EMPTY", []);
  }
  whenCellNotEmpty(): CFB {
    return this.when("CELL_NOT_EMPTY", []);
  }
  whenFormulaSatisfied(formula: string): CFB {
    if (typeof formula !== "string" || !formula.startsWith("=")) {
      throw new Error("emulator: whenFormulaSatisfied expects a formula starting with =");
    }
    return this.when("CUSTOM_FORMULA", [formula]);
  }
  whenNumberBetween(start: number, end: number): CFB {
    return this.when("NUMBER_BETWEEN", [num(start), num(end)]);
  }
  whenNumberNotBetween(start: number, end: number): CFB {
    return this.when("NUMBER_NOT_BETWEEN", [num(start), num(end)]);
  }
  whenNumberEqualTo(number: number): CFB {
    return this.when("NUMBER_EQUAL_TO", [num(number)]);
  }
  whenNumberNotEqualTo(number: number): CFB {
    return this.when("NUMBER_NOT_EQUAL_TO", [num(number)]);
  }
  whenNumberGreaterThan(number: number): CFB {
    return this.when("NUMBER_GREATER_THAN", [num(number)]);
  }
  whenNumberGreaterThanOrEqualTo(number: number): CFB {
    return this.when("NUMBER_GREATER_THAN_OR_EQUAL_TO", [num(number)]);
  }
  whenNumberLessThan(number: number): CFB {
    return this.when("NUMBER_LESS_THAN", [num(number)]);
  }
  whenNumberLessThanOrEqualTo(number: number): CFB {
    return this.when("NUMBER_LESS_THAN_OR_EQUAL_TO", [num(number)]);
  }
  whenTextContains(t: string): CFB {
    return this.when("TEXT_CONTAINS", [String(t)]);
  }
  whenTextDoesNotContain(t: string): CFB {
    return this.when("TEXT_DOES_NOT_CONTAIN", [String(t)]);
  }
  whenTextEndsWith(t: string): CFB {
    return this.when("TEXT_ENDS_WITH", [String(t)]);
  }
  whenTextEqualTo(t: string): CFB {
    return this.when("TEXT_EQUAL_TO", [String(t)]);
  }
  whenTextStartsWith(t: string): CFB {
    return this.when("TEXT_STARTS_WITH", [String(t)]);
  }
  withCriteria(criteria: GoogleAppsScript.Spreadsheet.BooleanCriteria, args: unknown[]): CFB {
    return this.when(enumName(criteria), cloneValues(args));
  }
  private when(criteria: string, values: unknown[]): CFB {
    const d = this[INTERNAL].draft;
    d.criteria = criteria;
    d.values = values;
    return this as unknown as CFB;
  }
  private format<K extends keyof RuleDraft["format"]>(
    key: K,
    value: RuleDraft["format"][K] | undefined,
  ): CFB {
    const f = this[INTERNAL].draft.format;
    if (value === undefined) delete f[key];
    else f[key] = value;
    return this as unknown as CFB;
  }
}
instrument(EmuConditionalFormatRuleBuilder, "ConditionalFormatRuleBuilder");

function normalizeRuleColor(color: string): string {
  const c = color.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(c)) return c;
  if (/^#[0-9a-f]{3}$/.test(c)) return `#${c[1]}${c[1]}${c[2]}${c[2]}${c[3]}${c[3]}`;
  throw new Error(`emulator: conditional format colour "${color}" (use #rrggbb)`);
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
    return location.type === "SPREADSHEET"
      ? (spreadsheetFacade(ctx) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet)
      : null;
  }
  getSheet(): G | null {
    const { ctx, location } = this[INTERNAL];
    if (location.type === "SPREADSHEET") return null;
    const sheet = findSheet(ctx, location.sheetId);
    return sheet ? (sheetFacade(ctx, sheet) as unknown as G) : null;
  }
  getRow(): GRange | null {
    const { ctx, location } = this[INTERNAL];
    if (location.type !== "ROW") return null;
    const sheet = findSheet(ctx, location.sheetId);
    return sheet
      ? asRange(
          ctx,
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
      ? asRange(
          ctx,
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
