/** Data validation: the rule, its builder, and what a rejecting rule refuses. */
import { DataValidationCriteria, enumName, member } from "../enums.ts";
import { type Ctx, type DataValidationState, INTERNAL, instrument } from "../state.ts";
import { type CellValue, isDate, kindOf } from "../values.ts";

// ── Data validation ─────────────────────────────────────────────────────────────────────────────

export type DataValidationMethods =
  | "copy"
  | "getAllowInvalid"
  | "getCriteriaType"
  | "getCriteriaValues"
  | "getHelpText";

export function cloneValues(values: unknown[]): unknown[] {
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

export function num(v: unknown): number {
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
