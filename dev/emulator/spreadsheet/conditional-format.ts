/** Conditional format rules: the rule, its builder and its boolean condition. */
import type { Rect } from "../a1.ts";
import { BooleanCriteria, enumName, member } from "../enums.ts";
import { type ConditionalRuleState, type Ctx, INTERNAL, instrument } from "../state.ts";
import { cloneValues, num } from "./validation.ts";

type GRange = GoogleAppsScript.Spreadsheet.Range;

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
    const sheet = ctx.book.sheets.find((s) => s.id === r.sheetId);
    return sheet && !sheet.deleted ? [ctx.facades.range(sheet, r.rect)] : [];
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
      const i = this[INTERNAL].ctx.facades.unwrapRange(r, "ConditionalFormatRuleBuilder.setRanges");
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
