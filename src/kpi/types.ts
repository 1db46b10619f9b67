/**
 * The shape of a KPI registry entry. Everything user-facing about a KPI (custom function, wizard
 * list and column auto-mapping, dashboard computation and number format, docs/FUNCTIONS.md)
 * derives from one of these, so adding a KPI is adding one entry.
 */

export type Lang = "en" | "fr";
export type Localized = Readonly<Record<Lang, string>>;
/** Header texts per language, best first: when several columns match, the earlier alias wins. */
export type Aliases = Readonly<Record<Lang, readonly string[]>>;

/** What a cell of an input holds; decides parsing and the sign rule. */
export type InputKind = "count" | "amount" | "duration" | "id" | "date";

/** How a KPI's value is displayed and formatted. */
export type Unit = "percent" | "ratio" | "currency" | "seconds" | "count";

export type Direction = "higher" | "lower";

export interface KpiInput {
  /** Parameter name of the custom function (snake_case), and key of the objective's mapping. */
  readonly name: string;
  readonly kind: InputKind;
  readonly optional?: boolean;
  /** Amounts that may be negative (revenue). Counts, costs and durations never may. */
  readonly signed?: boolean;
  /** Several columns may be mapped to this input and are summed (likes + comments + shares). */
  readonly multiColumn?: boolean;
  readonly label: Localized;
  /** One-line help shown in Sheets' argument help and in the wizard. */
  readonly help: Localized;
  /** Header texts that auto-map a column to this input, compared case- and accent-insensitively. */
  readonly aliases: Aliases;
  /**
   * Headers of columns that already combine this input with others (Delivered = sent − bounced;
   * Average engagement time = durations ÷ visits). They auto-map after `aliases`, and when one is
   * chosen the inputs named in `leavesUnmapped` are left unmapped, so nothing is counted twice.
   */
  readonly combinedAliases?: {
    readonly aliases: Aliases;
    readonly leavesUnmapped: readonly string[];
    /**
     * Whether such a column wins over the plain aliases: Delivered is what an e-mail tool's own
     * open rate divides by, and Sent − Hard bounces forgets the soft bounces.
     */
    readonly preferred?: boolean;
  };
  /**
   * A difference of two columns that gives this input when no column does: GA4 has no bounces,
   * but Sessions − Engaged sessions is its definition of them.
   */
  readonly derivedAliases?: { readonly plus: Aliases; readonly minus: Aliases };
  /**
   * Headers of a column naming one item per row (Post ID): when one is there and no column
   * matches `aliases`, the input is counted as one per row (posts = number of rows).
   */
  readonly rowAliases?: Aliases;
  /**
   * For a multiColumn input: headers of the parts to be summed (Likes, Comments, Shares). They
   * are used only when no column matches `aliases` (a total such as Interactions), and then every
   * matching column is mapped.
   */
  readonly partAliases?: Aliases;
}

/** A consistency rule between inputs: Σinput must not exceed Σ`atMost` (bounced ≤ sent). */
export interface InputCheck {
  readonly input: string;
  readonly atMost: string;
}

/** One summed input in a numerator or denominator; sign -1 subtracts it (ROI, open rate). */
export interface Term {
  readonly input: string;
  readonly sign?: 1 | -1;
}

/**
 * How inputs combine into a value. A ratio is always the ratio of sums:
 * value = scale × Σnumerator terms / Σdenominator terms.
 */
export type Combine =
  | {
      readonly kind: "ratio";
      readonly numerator: readonly Term[];
      readonly denominator: readonly Term[];
      readonly scale?: number;
      /**
       * What the denominator is when its (optional) input is omitted: "count" = number of non-blank
       * numerator cells (so a mean), "count_equal_one_over_count" = bounce rate from pages-per-session.
       */
      readonly whenDenominatorOmitted?: "count" | "count_equal_one_over_count";
    }
  | { readonly kind: "distinct"; readonly input: string };

export interface KpiDefinition {
  /** Stable id used in the Objectives tab: conversion, open_rate, ctr, … */
  readonly id: string;
  /** Custom function name, KPI_… */
  readonly functionName: string;
  readonly name: Localized;
  /**
   * The KPI inside a sentence, with its article: "the conversion rate", « le taux de conversion ».
   * French needs the article's gender, which nothing else in the entry carries.
   */
  readonly phrase: Localized;
  /**
   * The KPI after the verb of a suggested objective name: "Raise conversion rate", « Augmenter le
   * taux de conversion » (English titles drop the article, French keeps it).
   */
  readonly phraseInName: Localized;
  /** One-line definition. */
  readonly definition: Localized;
  /** The formula in words, e.g. "conversions ÷ visitors". */
  readonly formula: Localized;
  readonly inputs: readonly KpiInput[];
  readonly combine: Combine;
  readonly unit: Unit;
  readonly direction: Direction;
  /** Longer documentation, markdown allowed, and a worked example tested by the unit tests. */
  readonly doc: Localized;
  readonly example: KpiExample;
  /** Further worked examples (other modes, optional inputs), tested like `example`. */
  readonly moreExamples?: readonly KpiExample[];
  /** Consistency rules checked on the sums (and on each row in rows mode). */
  readonly checks?: readonly InputCheck[];
}

export interface KpiExample {
  /** The formula as typed in a sheet, e.g. `=KPI_CTR(C2:C4, D2:D4)`. */
  readonly formula: string;
  /** The argument values the example stands for (ranges as 2D arrays). */
  readonly args: readonly unknown[];
  /** The expected result. */
  readonly result: unknown;
  /** What the example shows, when there are several. */
  readonly note?: Localized;
}

/** What the spreadsheet tells the engine: time zone for calendar days, locale for ambiguous text. */
export interface EngineContext {
  readonly timeZone: string;
  readonly locale: string;
}
