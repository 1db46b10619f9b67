/**
 * The GA4 presets: what a marketer means by sessions, users, key events… written once over the
 * GA4 BigQuery export's schema (https://support.google.com/analytics/answer/7029846):
 * one row per event in daily tables `events_YYYYMMDD`; `event_timestamp` in microseconds UTC;
 * `event_params` a repeated record of (key, value.string_value / int_value / …);
 * `user_pseudo_id` the device's pseudonymous id; `ecommerce.purchase_revenue` on purchases.
 *
 * A session is the pair (user_pseudo_id, ga_session_id), as GA4 counts it; a session is engaged
 * when any of its events carries session_engaged = "1".
 */
import type { Localized } from "../types.ts";
import type { Dialect } from "./dialect.ts";
import type { Ga4Preset } from "./types.ts";

/** Columns of one event the presets read, computed once per row in the query's first step. */
export type Ga4Field =
  | "event_name"
  | "user_pseudo_id"
  | "session_id"
  | "engaged"
  | "revenue"
  | "engagement_msec";

export interface Ga4PresetInfo {
  readonly id: Ga4Preset;
  readonly label: Localized;
  /** A count of distinct things (so it may stand for a distinct-count KPI such as unique visitors). */
  readonly distinct: boolean;
  /** It needs a list of event names (key events). */
  readonly needsEvents: boolean;
  readonly fields: readonly Ga4Field[];
}

const SESSION: readonly Ga4Field[] = ["user_pseudo_id", "session_id"];

export const GA4_PRESETS: readonly Ga4PresetInfo[] = [
  {
    id: "sessions",
    label: { en: "Sessions", fr: "Sessions" },
    distinct: true,
    needsEvents: false,
    fields: SESSION,
  },
  {
    id: "engaged_sessions",
    label: { en: "Engaged sessions", fr: "Sessions avec engagement" },
    distinct: true,
    needsEvents: false,
    fields: [...SESSION, "engaged"],
  },
  {
    id: "non_engaged_sessions",
    label: { en: "Non-engaged sessions (bounces)", fr: "Sessions sans engagement (rebonds)" },
    distinct: false,
    needsEvents: false,
    fields: [...SESSION, "engaged"],
  },
  {
    id: "users",
    label: { en: "Users", fr: "Utilisateurs" },
    distinct: true,
    needsEvents: false,
    fields: ["user_pseudo_id"],
  },
  {
    id: "key_events",
    label: { en: "Key events", fr: "Événements clés" },
    distinct: false,
    needsEvents: true,
    fields: ["event_name"],
  },
  {
    id: "converting_sessions",
    label: { en: "Sessions with a key event", fr: "Sessions avec un événement clé" },
    distinct: true,
    needsEvents: true,
    fields: [...SESSION, "event_name"],
  },
  {
    id: "purchase_revenue",
    label: { en: "Purchase revenue", fr: "Revenu des achats" },
    distinct: false,
    needsEvents: false,
    fields: ["event_name", "revenue"],
  },
  {
    id: "page_views",
    label: { en: "Page views", fr: "Pages vues" },
    distinct: false,
    needsEvents: false,
    fields: ["event_name"],
  },
  {
    id: "engagement_seconds",
    label: { en: "Engagement time (s)", fr: "Temps d'engagement (s)" },
    distinct: false,
    needsEvents: false,
    fields: ["engagement_msec"],
  },
];

const BY_ID = new Map(GA4_PRESETS.map((p) => [p.id, p]));

export function ga4Preset(id: string): Ga4PresetInfo | undefined {
  return BY_ID.get(id as Ga4Preset);
}

/** The columns of the export a set of fields reads (what BigQuery bills: scan.ts). */
export function ga4Columns(fields: Iterable<Ga4Field>): string[] {
  const cols = new Set<string>(["event_timestamp"]);
  for (const f of fields) {
    if (f === "event_name" || f === "user_pseudo_id") cols.add(f);
    else if (f === "revenue") cols.add("ecommerce.purchase_revenue");
    else cols.add("event_params");
  }
  return [...cols];
}

/** The expression of a field on the export's row aliased `row`. */
export function ga4FieldSql(d: Dialect, field: Ga4Field, row: string): string {
  switch (field) {
    case "event_name":
    case "user_pseudo_id":
      return `${row}.${field}`;
    case "session_id":
      return d.eventParam(row, "ga_session_id", "int_value");
    case "engaged":
      // Exports carry it as the string "1"; some carry the integer 1: both count.
      return `COALESCE(${d.eventParam(row, "session_engaged", "string_value")}, ${d.text(d.eventParam(row, "session_engaged", "int_value"))})`;
    case "revenue":
      return `${row}.ecommerce.purchase_revenue`;
    case "engagement_msec":
      return d.eventParam(row, "engagement_time_msec", "int_value");
  }
}

/**
 * The aggregate of a preset over the first step's columns (named as the fields), per period.
 * `eventList` is the escaped `('a', 'b')` list of event names, for the presets that need one.
 */
export function ga4AggregateSql(d: Dialect, preset: Ga4Preset, eventList: string): string {
  const session = d.concat(d.concat("user_pseudo_id", d.string(".")), d.text("session_id"));
  const engaged = `COUNT(DISTINCT CASE WHEN engaged = '1' THEN ${session} END)`;
  switch (preset) {
    case "sessions":
      return `COUNT(DISTINCT ${session})`;
    case "engaged_sessions":
      return engaged;
    case "non_engaged_sessions":
      return `COUNT(DISTINCT ${session}) - ${engaged}`;
    case "users":
      return "COUNT(DISTINCT user_pseudo_id)";
    case "key_events":
      return `SUM(CASE WHEN event_name IN ${eventList} THEN 1 ELSE 0 END)`;
    case "converting_sessions":
      return `COUNT(DISTINCT CASE WHEN event_name IN ${eventList} THEN ${session} END)`;
    case "purchase_revenue":
      return "COALESCE(SUM(CASE WHEN event_name = 'purchase' THEN revenue END), 0)";
    case "page_views":
      return "SUM(CASE WHEN event_name = 'page_view' THEN 1 ELSE 0 END)";
    case "engagement_seconds":
      return "COALESCE(SUM(engagement_msec), 0) / 1000";
  }
}
