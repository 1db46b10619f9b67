import { describe, expect, it } from "vitest";
import { realismCheck } from "../../src/kpi/smart.ts";
import { close } from "./helpers.ts";

describe("realismCheck", () => {
  it("compares the change needed per period with the best seen, when higher is better", () => {
    const values = [100, 110, 125, 130];
    const ok = realismCheck({
      values,
      baseline: 130,
      target: 190,
      periodsAvailable: 4,
      direction: "higher",
    });
    expect(ok).toEqual({ requiredPerPeriod: 15, bestSeen: 15, realistic: true });
    const tooMuch = realismCheck({
      values,
      baseline: 130,
      target: 200,
      periodsAvailable: 4,
      direction: "higher",
    });
    expect(tooMuch).toEqual({ requiredPerPeriod: 17.5, bestSeen: 15, realistic: false });
  });

  it("looks for the best fall when lower is better", () => {
    const values = [0.5, 0.48, 0.47, 0.49];
    const fast = realismCheck({
      values,
      baseline: 0.47,
      target: 0.4,
      periodsAvailable: 2,
      direction: "lower",
    });
    close(fast.requiredPerPeriod, -0.035, 12);
    close(fast.bestSeen, -0.02, 12);
    expect(fast.realistic).toBe(false);
    const slow = realismCheck({
      values,
      baseline: 0.47,
      target: 0.4,
      periodsAvailable: 4,
      direction: "lower",
    });
    expect(slow.realistic).toBe(true);
  });

  it("spreads a change over empty periods", () => {
    const r = realismCheck({
      values: [100, null, 120],
      baseline: 120,
      target: 140,
      periodsAvailable: 2,
      direction: "higher",
    });
    expect(r.bestSeen).toBe(10);
    expect(r.realistic).toBe(true);
  });

  it("deems a target realistic without history or when no improvement is needed", () => {
    expect(
      realismCheck({
        values: [5],
        baseline: 5,
        target: 50,
        periodsAvailable: 3,
        direction: "higher",
      }),
    ).toEqual({
      requiredPerPeriod: 15,
      bestSeen: null,
      realistic: true,
    });
    expect(
      realismCheck({
        values: [10, 8, 6],
        baseline: 6,
        target: 5,
        periodsAvailable: 3,
        direction: "higher",
      }).realistic,
    ).toBe(true);
  });

  it("finds a target unrealistic when the KPI only ever moved the wrong way", () => {
    const r = realismCheck({
      values: [10, 9, 8],
      baseline: 8,
      target: 9,
      periodsAvailable: 10,
      direction: "higher",
    });
    expect(r.bestSeen).toBe(-1);
    expect(r.realistic).toBe(false);
  });

  it("counts a deadline within the current period as one period", () => {
    const r = realismCheck({
      values: [1, 2],
      baseline: 2,
      target: 3,
      periodsAvailable: 0,
      direction: "higher",
    });
    expect(r.requiredPerPeriod).toBe(1);
    expect(r.realistic).toBe(true);
  });
});
