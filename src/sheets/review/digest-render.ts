/**
 * The digest as an e-mail: HTML with inline styles only (Gmail drops <style> blocks in many
 * clients, Outlook lays out tables, not flexbox), and a plain-text part saying the same. Every
 * status is a word in its coloured cell, never a colour alone; every chart has its alt text.
 */
import type { StatusCode } from "../../contract/objectives.ts";
import { INK, MUTED, STATUS_COLORS } from "../dashboard/grid.ts";
import { messages } from "../workbook/messages.ts";
import type { Digest } from "./digest.ts";

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const FONT = "font-family:Arial,Helvetica,sans-serif;";
const CELL = `padding:6px 8px;border-bottom:1px solid #e0e0e0;vertical-align:top;${FONT}font-size:13px;color:${INK};`;
const HEAD = `padding:6px 8px;border-bottom:2px solid #bdc1c6;text-align:left;${FONT}font-size:12px;color:${MUTED};`;

function statusFill(status: StatusCode | null): string {
  return STATUS_COLORS[status ?? "none"];
}

export function digestHtml(d: Digest): string {
  const t = (key: Parameters<typeof messages.t>[1]) => messages.t(d.lang, key);
  const e = escapeHtml;
  const head = [
    t("col_objective"),
    t("col_status"),
    t("hist_reason"),
    t("digestPeriod"),
    t("col_current"),
    t("col_target"),
    t("col_forecast"),
  ]
    .map((h) => `<th style="${HEAD}">${e(h)}</th>`)
    .join("");
  const body = d.rows
    .map((r) => {
      const reason = r.unchanged
        ? `${e(r.unchanged)}<br><span style="color:${MUTED};">${e(r.reason)}</span>`
        : e(r.reason);
      return (
        `<tr data-objective="${e(r.id)}">` +
        `<td style="${CELL}font-weight:bold;">${e(r.name)}</td>` +
        `<td style="${CELL}background:${statusFill(r.status)};font-weight:bold;white-space:nowrap;" data-status="${e(r.status ?? "none")}">${e(r.statusWord)}</td>` +
        `<td style="${CELL}">${reason}</td>` +
        `<td style="${CELL}white-space:nowrap;">${e(r.period)}</td>` +
        `<td style="${CELL}text-align:right;white-space:nowrap;">${e(r.current)}</td>` +
        `<td style="${CELL}text-align:right;white-space:nowrap;">${e(r.target)}</td>` +
        `<td style="${CELL}text-align:right;white-space:nowrap;">${e(r.forecast)}</td>` +
        "</tr>"
      );
    })
    .join("");
  const p = (text: string, extra = "") =>
    `<p style="${FONT}font-size:14px;color:${INK};margin:0 0 12px;${extra}">${text}</p>`;
  const h2 = (text: string) =>
    `<h2 style="${FONT}font-size:16px;color:${INK};margin:20px 0 8px;">${e(text)}</h2>`;
  const changes =
    (d.changesTitle ? h2(d.changesTitle) : "") +
    `<ul style="${FONT}font-size:14px;color:${INK};margin:0 0 12px;padding-left:20px;">${d.changes
      .map((c) => `<li>${e(c)}</li>`)
      .join("")}</ul>`;
  const charts = d.chartsTitle
    ? h2(d.chartsTitle) +
      d.images
        .map(
          (img) =>
            `<p style="${FONT}font-size:13px;color:${MUTED};margin:0 0 4px;">${e(img.alt)}</p>` +
            `<img src="cid:${img.cid}" width="240" height="64" alt="${e(img.alt)}" style="display:block;border:0;margin:0 0 12px;">`,
        )
        .join("") +
      d.chartNotes.map((n) => p(e(n), `color:${MUTED};`)).join("")
    : "";
  return [
    "<!DOCTYPE html>",
    `<html lang="${d.lang}"><head><meta charset="utf-8"><title>${e(d.subject)}</title></head>`,
    '<body style="margin:0;padding:16px;background:#ffffff;">',
    '<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="max-width:760px;width:100%;">',
    "<tr><td>",
    `<h1 style="${FONT}font-size:20px;color:${INK};margin:0 0 12px;">${e(d.title)}</h1>`,
    p(e(d.sentence)),
    `<table cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;width:100%;margin:0 0 12px;"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`,
    d.others ? p(e(d.others), `color:${MUTED};`) : "",
    changes,
    charts,
    p(
      `<a href="${e(d.link.url)}" style="color:#1a73e8;font-weight:bold;">${e(d.link.text)}</a>`,
      "margin-top:20px;",
    ),
    p(e(d.footer), `font-size:12px;color:${MUTED};`),
    "</td></tr></table>",
    "</body></html>",
  ].join("\n");
}

/** The plain-text part: the same content, one objective a line. */
export function digestText(d: Digest): string {
  const lines: string[] = [d.title, "", d.sentence, ""];
  const t = (key: Parameters<typeof messages.t>[1], params: Record<string, string>) =>
    messages.t(d.lang, key, params);
  for (const r of d.rows) {
    lines.push(`• ${t("digestLine", { name: r.name, status: r.statusWord, reason: r.reason })}`);
    if (r.unchanged) lines.push(`  ${r.unchanged}`);
    lines.push(
      `  ${t("digestLineValues", {
        period: r.period,
        current: r.current,
        target: r.target,
        forecast: r.forecast,
      })}`,
    );
  }
  if (d.others) lines.push("", d.others);
  lines.push("");
  if (d.changesTitle) lines.push(`${d.changesTitle}:`);
  for (const c of d.changes) lines.push(`- ${c}`);
  for (const n of d.chartNotes) lines.push("", n);
  lines.push("", `${d.link.text}: ${d.link.url}`, "", d.footer);
  return lines.join("\n");
}
