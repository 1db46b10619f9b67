/** SPARKLINE cells as Sheets draws them: a line, bars, columns or win/loss in the cell's box. */
import type { SparklineView } from "../view-types.ts";
import { svg } from "./dom.ts";

const BLUE = "#4285f4";

export function drawSparkline(spark: SparklineView, width: number, height: number): SVGElement {
  const w = Math.max(10, width);
  const hgt = Math.max(6, height);
  const root = svg("svg", {
    width: w,
    height: hgt,
    viewBox: `0 0 ${w} ${hgt}`,
    class: "sparkline",
    "data-testid": "sparkline",
    "data-type": spark.type,
    role: "img",
  });
  const values = spark.values;
  const nums = values.filter((v): v is number => v !== null);
  if (nums.length === 0) return root;
  const color = spark.color ?? BLUE;
  if (spark.type === "bar") {
    // Sheets stacks the values of a bar sparkline left to right, alternating two colours.
    const max = spark.max ?? nums.reduce((s, v) => s + Math.max(0, v), 0);
    let x = 0;
    values.forEach((v, i) => {
      if (v === null || v <= 0 || max <= 0) return;
      const len = Math.min(w - x, (v / max) * w);
      root.append(
        svg("rect", {
          x,
          y: 1,
          width: Math.max(0, len),
          height: hgt - 2,
          fill: i % 2 === 0 ? color : (spark.color2 ?? "#a3c2f7"),
        }),
      );
      x += len;
    });
    return root;
  }
  // A line spans its own range, as Sheets draws it; columns stand on zero.
  const min = spark.min ?? (spark.type === "line" ? Math.min(...nums) : Math.min(0, ...nums));
  const max = spark.max ?? Math.max(...nums);
  const span = max - min || 1;
  const y = (v: number) => hgt - 1 - ((Math.min(max, Math.max(min, v)) - min) / span) * (hgt - 2);
  if (spark.type === "column" || spark.type === "winloss") {
    const step = w / values.length;
    values.forEach((v, i) => {
      if (v === null) return;
      const neg = v < 0;
      const fill = neg ? (spark.negColor ?? "#ea4335") : color;
      if (spark.type === "winloss") {
        const mid = hgt / 2;
        root.append(
          svg("rect", {
            x: i * step + 0.5,
            y: neg ? mid : 1,
            width: Math.max(1, step - 1),
            height: mid - 1,
            fill,
          }),
        );
        return;
      }
      const top = y(Math.max(v, 0));
      const base = y(Math.max(min, 0));
      root.append(
        svg("rect", {
          x: i * step + 0.5,
          y: Math.min(top, base),
          width: Math.max(1, step - 1),
          height: Math.max(1, Math.abs(base - top)),
          fill,
        }),
      );
    });
    return root;
  }
  // A line: gaps where a value is missing, as Sheets leaves them.
  const n = values.length;
  const x = (i: number) => (n === 1 ? w / 2 : 1 + (i / (n - 1)) * (w - 2));
  let d = "";
  let pen = false;
  values.forEach((v, i) => {
    if (v === null) {
      pen = false;
      return;
    }
    d += `${pen ? "L" : "M"}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
    pen = true;
  });
  root.append(
    svg("path", {
      d,
      fill: "none",
      stroke: color,
      "stroke-width": spark.lineWidth ?? 1.5,
      "stroke-linejoin": "round",
      "stroke-linecap": "round",
    }),
  );
  return root;
}
