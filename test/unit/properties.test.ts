/**
 * The invariants of the ratio KPIs, on random data: the ratio of sums does not depend on row
 * order; scaling numerator and denominator leaves a rate unchanged; blank cells never change a
 * result; rows mode on a single row is total mode.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KPIS } from "../../src/kpi/registry/index.ts";
import type { KpiDefinition } from "../../src/kpi/types.ts";
import { call, EN } from "./helpers.ts";

const RATIO_KPIS = KPIS.filter((k) => k.combine.kind === "ratio");

type Range = unknown[][];

/** Random rows for a KPI's inputs (ranges with the same number of rows), checks holding. */
function rowsArb(kpi: KpiDefinition, withOptional: boolean, minRows = 1) {
  const inputs = kpi.inputs.filter((i) => !i.optional || withOptional);
  return fc.integer({ min: minRows, max: 25 }).chain((n) =>
    fc
      .tuple(
        ...inputs.map((input) => {
          const width = input.multiColumn ? 3 : 1;
          const cell = fc.oneof(
            {
              weight: 6,
              arbitrary: input.signed
                ? fc.integer({ min: -500, max: 2000 })
                : fc.integer({ min: 0, max: 2000 }),
            },
            { weight: 1, arbitrary: fc.constant("") },
          );
          return fc.array(fc.array(cell, { minLength: width, maxLength: width }), {
            minLength: n,
            maxLength: n,
          });
        }),
      )
      .map((ranges) => {
        const byName = new Map(inputs.map((input, k) => [input.name, ranges[k] as Range]));
        // bounced ≤ sent, bounces ≤ sessions on every row: add the smaller to the larger.
        for (const c of kpi.checks ?? []) {
          const a = byName.get(c.input);
          const b = byName.get(c.atMost);
          if (a && b) {
            for (let r = 0; r < b.length; r++)
              b[r]![0] = (Number(b[r]![0]) || 0) + (Number(a[r]?.[0]) || 0);
          }
        }
        return inputs.map((i) => byName.get(i.name)!);
      }),
  );
}

/** The function's total, or null when it is "" or throws (a zero denominator). */
function total(kpi: KpiDefinition, ranges: Range[]): number | null {
  try {
    const r = call(kpi.functionName, ranges, EN);
    return typeof r === "number" ? r : null;
  } catch {
    return null;
  }
}

function near(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

describe.each(RATIO_KPIS.map((k) => [k.id, k] as const))("%s", (_id, kpi) => {
  it("the ratio of sums is invariant under row order", () => {
    fc.assert(
      fc.property(
        rowsArb(kpi, true).chain((ranges) =>
          fc
            .shuffledSubarray(
              ranges[0]!.map((_, i) => i),
              { minLength: ranges[0]!.length, maxLength: ranges[0]!.length },
            )
            .map((order) => ({ ranges, order })),
        ),
        ({ ranges, order }) => {
          const before = total(kpi, ranges);
          const after = total(
            kpi,
            ranges.map((r) => order.map((i) => r[i]!)),
          );
          if (before === null) expect(after).toBeNull();
          else expect(after !== null && near(before, after)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("scaling numerator and denominator leaves the rate unchanged", () => {
    // Every input is scaled (ROI's numerator is revenue − cost); one-range modes count cells, so
    // they are left out by giving every input.
    fc.assert(
      fc.property(
        rowsArb(kpi, true),
        fc.constantFrom(2, 3, 7, 10, 1000, 0.5, 0.25),
        (ranges, k) => {
          const before = total(kpi, ranges);
          fc.pre(before !== null);
          const scaled = ranges.map((r) =>
            r.map((row) => row.map((v) => (v === "" ? "" : (v as number) * k))),
          );
          const after = total(kpi, scaled);
          expect(after !== null && near(before!, after)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("blank cells never change a result, in total or rows mode", () => {
    fc.assert(
      fc.property(
        rowsArb(kpi, false),
        fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        (ranges, positions, asNull) => {
          const blank = asNull ? null : "";
          const n = ranges[0]!.length;
          // Where each padded row comes from: an original row, or -1 for an inserted blank row.
          const source = ranges[0]!.map((_, i) => i);
          for (const p of positions) source.splice(p % (source.length + 1), 0, -1);
          const padded = ranges.map((r) =>
            source.map((i) => (i < 0 ? r[0]!.map(() => blank) : r[i]!)),
          );
          // Total mode: same value (or same blank/error).
          const before = total(kpi, ranges);
          const after = total(kpi, padded);
          if (before === null) expect(after).toBeNull();
          else expect(after !== null && near(before, after)).toBe(true);
          // Rows mode: the inserted rows give "", the others are unchanged.
          const rows = (rs: Range[]) =>
            (call(kpi.functionName, [...rs, "rows"], EN) as unknown[][]).map((r) => r[0]);
          const plain = rows(ranges);
          const withBlanks = rows(padded);
          expect(plain).toHaveLength(n);
          source.forEach((i, j) => {
            const got = withBlanks[j];
            const want = i < 0 ? "" : plain[i];
            if (typeof want === "number")
              expect(typeof got === "number" && near(want, got)).toBe(true);
            else expect(got).toBe(want);
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it("rows mode on a single row is total mode", () => {
    fc.assert(
      fc.property(
        rowsArb(kpi, true).map((ranges) => ranges.map((r) => [r[0]!])),
        (single) => {
          const t = total(kpi, single);
          fc.pre(t !== null);
          const rows = call(kpi.functionName, [...single, "rows"], EN) as unknown[][];
          expect(rows).toHaveLength(1);
          expect(near(rows[0]![0] as number, t!)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("the properties can fail", () => {
  it("a mean of ratios would break order-independence's partner, the ratio of sums", () => {
    // Rows 1/1 and 0/99: a mean of ratios gives 0.5, the ratio of sums 0.01.
    expect(
      call("KPI_CTR", [
        [[1], [0]],
        [[1], [99]],
      ]),
    ).toBe(0.01);
    expect(near(0.5, 0.01)).toBe(false);
  });
});
