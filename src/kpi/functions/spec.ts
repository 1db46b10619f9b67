/**
 * What a custom function is to the rest of the add-on: the build writes its Apps Script stub and
 * JSDoc from a spec, dev/docs.ts renders docs/FUNCTIONS.md from it, and the unit tests run every
 * example it holds.
 *
 * `run` receives the arguments exactly as Apps Script passes them: a 2D array for a range, a
 * plain value for a single cell, "" for a blank cell, undefined for an omitted trailing argument.
 */
import type { EngineContext, KpiDefinition, Localized, Unit } from "../types.ts";

export interface CustomFunctionParam {
  /** A valid JavaScript identifier: the stub's parameter and the name in Sheets' help. */
  readonly name: string;
  readonly optional: boolean;
  /** JSDoc type. */
  readonly type: string;
  readonly description: string;
}

/** A worked example, shown in docs/FUNCTIONS.md and run by the unit tests. */
export interface FunctionExample {
  readonly formula: string;
  readonly args: readonly unknown[];
  readonly result: unknown;
  readonly note?: Localized;
}

export interface CustomFunctionSpec {
  readonly name: string;
  /** One or two sentences for Sheets' formula help. */
  readonly description: string;
  readonly params: readonly CustomFunctionParam[];
  /** What it returns, for the JSDoc @return line. */
  readonly returns: string;
  /** A formula as typed in a sheet. */
  readonly example: string;
  run(ctx: EngineContext, args: readonly unknown[]): unknown;
  /** The registry KPI it computes, for the 12 KPI functions. */
  readonly kpiId?: string;
  /** Name of what it computes, en and fr (docs). */
  readonly title: Localized;
  /** The formula in words (docs). */
  readonly formula: Localized;
  /** Longer documentation, markdown (docs). */
  readonly doc: Localized;
  readonly examples: readonly FunctionExample[];
}

/** The context the examples are computed in: dates in them are UTC midnights. */
export const EXAMPLE_CONTEXT: EngineContext = { timeZone: "UTC", locale: "en_US" };

/** A date in an example: a UTC midnight, the day EXAMPLE_CONTEXT reads it as. */
export const exampleDate = (y: number, m: number, day: number): Date =>
  new Date(Date.UTC(y, m - 1, day));

/** The sentence a KPI function's description ends with, saying how to read its value. */
export const UNIT_NOTE: Readonly<Record<Unit, string>> = {
  percent: "A fraction: format the cell as a percentage.",
  ratio: "A plain number.",
  currency: "In the sheet's currency.",
  seconds: "In seconds.",
  count: "A count.",
};

/** What the spec of a registry KPI's function takes from its entry, unchanged. */
export function fromEntry(
  kpi: KpiDefinition,
): Pick<
  CustomFunctionSpec,
  "name" | "kpiId" | "title" | "formula" | "doc" | "example" | "examples"
> {
  return {
    name: kpi.functionName,
    kpiId: kpi.id,
    title: kpi.name,
    formula: kpi.formula,
    doc: kpi.doc,
    example: kpi.example.formula,
    examples: [kpi.example, ...(kpi.moreExamples ?? [])],
  };
}
