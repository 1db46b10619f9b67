/**
 * Embedded charts drawn from the specification the add-on gave Sheets: series against categories,
 * axis ticks already formatted by the server. Line and area charts are drawn as such, column and
 * bar charts as grouped columns; other types fall back to lines and say so.
 */
import type { ChartView } from "../view-types.ts";
import { h, svg } from "./dom.ts";

const FONT = "Roboto, Arial, sans-serif";

function textWidth(text: string, size: number): number {
  return text.length * size * 0.56;
}

export function drawChart(chart: ChartView, note?: string): HTMLElement {
  const { width: W, height: H } = chart;
  const frame = h("figure", {
    class: "chart",
    "data-testid": "chart",
    "data-chart-type": chart.requestedType,
    style: `width:${W}px;height:${H}px`,
  });
  const root = svg("svg", { width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: "img" });
  frame.append(root);
  root.append(svg("rect", { x: 0, y: 0, width: W, height: H, fill: "#fff" }));
  let top = 14;
  if (chart.title) {
    root.append(
      svg("text", {
        x: 16,
        y: top + 14,
        "font-family": FONT,
        "font-size": 15,
        fill: "#202124",
        text: chart.title,
      }),
    );
    top += 30;
  }
  if (chart.problem || chart.series.length === 0) {
    root.append(
      svg("text", {
        x: W / 2,
        y: H / 2,
        "text-anchor": "middle",
        "font-family": FONT,
        "font-size": 13,
        fill: "#5f6368",
        text: chart.problem ?? "—",
      }),
    );
    return frame;
  }
  if (chart.vAxisTitle) top += 4;

  const legendRows = chart.legend === "none" ? 0 : 1;
  const bottomLegend = chart.legend === "bottom" || chart.legend === "top";
  const labelSize = 11;
  const yLabelWidth = Math.max(...chart.ticks.map((t) => textWidth(t.label, labelSize)), 10);
  const left = 16 + yLabelWidth + 8 + (chart.vAxisTitle ? 18 : 0);
  const rightLegendWidth =
    chart.legend === "right" ? Math.max(...chart.series.map((s) => textWidth(s.name, 12))) + 40 : 0;
  const right = W - 20 - rightLegendWidth;
  const bottom = H - 28 - (bottomLegend ? legendRows * 24 : 0) - (chart.hAxisTitle ? 18 : 0);
  const plotW = Math.max(20, right - left);
  const plotH = Math.max(20, bottom - top);
  const span = chart.max - chart.min || 1;
  const y = (v: number) => bottom - ((v - chart.min) / span) * plotH;

  // Gridlines and vertical axis labels.
  for (const tick of chart.ticks) {
    const ty = y(tick.value);
    root.append(
      svg("line", {
        x1: left,
        x2: right,
        y1: ty,
        y2: ty,
        stroke: tick.value === 0 ? "#9aa0a6" : "#e6e6e6",
      }),
      svg("text", {
        x: left - 8,
        y: ty + 4,
        "text-anchor": "end",
        "font-family": FONT,
        "font-size": labelSize,
        fill: "#5f6368",
        text: tick.label,
      }),
    );
  }
  if (chart.vAxisTitle) {
    root.append(
      svg("text", {
        x: 14,
        y: top + plotH / 2,
        transform: `rotate(-90 14 ${top + plotH / 2})`,
        "text-anchor": "middle",
        "font-family": FONT,
        "font-size": 12,
        fill: "#5f6368",
        text: chart.vAxisTitle,
      }),
    );
  }

  const n = chart.labels.length;
  const columns = chart.type === "column" || chart.type === "bar";
  const slot = plotW / Math.max(1, n);
  const x = (i: number) =>
    columns || n <= 1 ? left + slot * (i + 0.5) : left + (i / (n - 1)) * plotW;

  // Category labels, thinned so they never overlap.
  const widest = Math.max(...chart.labels.map((l) => textWidth(l, labelSize)), 1);
  const every = Math.max(
    1,
    Math.ceil((widest + 10) / (n <= 1 ? plotW : columns ? slot : plotW / (n - 1))),
  );
  chart.labels.forEach((label, i) => {
    if (i % every !== 0) return;
    // Labels at the ends stay inside the frame.
    const half = textWidth(label, labelSize) / 2;
    const anchor = x(i) + half > W - 4 ? "end" : x(i) - half < 4 ? "start" : "middle";
    root.append(
      svg("text", {
        x:
          anchor === "end"
            ? Math.min(x(i) + half, W - 4)
            : anchor === "start"
              ? Math.max(x(i) - half, 4)
              : x(i),
        y: bottom + 18,
        "text-anchor": anchor,
        "font-family": FONT,
        "font-size": labelSize,
        fill: "#5f6368",
        text: label,
      }),
    );
  });
  if (chart.hAxisTitle) {
    root.append(
      svg("text", {
        x: left + plotW / 2,
        y: bottom + 36,
        "text-anchor": "middle",
        "font-family": FONT,
        "font-size": 12,
        fill: "#5f6368",
        text: chart.hAxisTitle,
      }),
    );
  }

  if (columns) {
    const group = chart.series.length;
    const barW = Math.max(2, (slot * 0.7) / group);
    chart.series.forEach((s, k) => {
      s.values.forEach((v, i) => {
        if (v === null) return;
        const base = y(Math.max(chart.min, Math.min(chart.max, 0)));
        const top2 = y(v);
        root.append(
          svg(
            "rect",
            {
              x: left + slot * i + slot * 0.15 + k * barW,
              y: Math.min(base, top2),
              width: barW - 1,
              height: Math.max(1, Math.abs(base - top2)),
              fill: s.color,
            },
            svg("title", { text: `${chart.labels[i] ?? ""} — ${s.name}: ${s.texts[i] ?? ""}` }),
          ),
        );
      });
    });
  } else {
    for (const s of chart.series) {
      let d = "";
      let pen = false;
      s.values.forEach((v, i) => {
        if (v === null) {
          pen = false;
          return;
        }
        d += `${pen ? "L" : "M"}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
        pen = true;
      });
      if (chart.type === "area" && d) {
        const firstX = x(s.values.findIndex((v) => v !== null));
        const lastIndex =
          s.values.length - 1 - [...s.values].reverse().findIndex((v) => v !== null);
        root.append(
          svg("path", {
            d: `${d}L${x(lastIndex).toFixed(1)},${bottom}L${firstX.toFixed(1)},${bottom}Z`,
            fill: s.color,
            "fill-opacity": 0.25,
            stroke: "none",
          }),
        );
      }
      root.append(
        svg("path", {
          d,
          fill: "none",
          stroke: s.color,
          "stroke-width": s.lineWidth ?? 2,
          "stroke-dasharray": s.dashed ? "6 4" : undefined,
          "stroke-linejoin": "round",
          "stroke-linecap": "round",
        }),
      );
      // Points carry the tooltips; visible only when the chart asks for them, as in Sheets.
      const dot = chart.pointSize / 2;
      s.values.forEach((v, i) => {
        if (v === null) return;
        root.append(
          svg(
            "circle",
            {
              cx: x(i),
              cy: y(v),
              r: dot > 0 ? dot : 6,
              fill: dot > 0 ? s.color : "transparent",
              stroke: dot > 0 ? "#fff" : "none",
            },
            svg("title", { text: `${chart.labels[i] ?? ""} — ${s.name}: ${s.texts[i] ?? ""}` }),
          ),
        );
      });
    }
  }

  // Legend.
  if (chart.legend !== "none") {
    const items = chart.series.map((s) => ({ s, w: textWidth(s.name, 12) + 28 }));
    if (chart.legend === "right") {
      items.forEach(({ s }, k) => {
        const ly = top + 10 + k * 20;
        root.append(
          legendKey(right + 16, ly, s.color, s.dashed),
          legendText(right + 40, ly + 4, s.name),
        );
      });
    } else {
      const total = items.reduce((sum, it) => sum + it.w, 0);
      let lx = Math.max(8, (W - total) / 2);
      const ly = chart.legend === "top" ? top - 8 : H - 14;
      for (const { s, w } of items) {
        root.append(legendKey(lx, ly, s.color, s.dashed), legendText(lx + 22, ly + 4, s.name));
        lx += w;
      }
    }
  }
  if (note) frame.append(h("figcaption", { class: "chart-note", text: note }));
  return frame;
}

function legendKey(x: number, y: number, color: string, dashed?: boolean): SVGElement {
  return svg("line", {
    x1: x,
    x2: x + 16,
    y1: y,
    y2: y,
    stroke: color,
    "stroke-width": 3,
    "stroke-dasharray": dashed ? "4 3" : undefined,
  });
}

function legendText(x: number, y: number, text: string): SVGElement {
  return svg("text", { x, y, "font-family": FONT, "font-size": 12, fill: "#3c4043", text });
}
