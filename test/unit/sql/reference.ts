/**
 * The same GA4 events flattened into sheet rows, the way a marketer's export would give them to
 * the engine: one row per event, its instant as a Date, and per measure a number per row. The
 * per-session and per-user measures put a 1 on the first event of each session (or user) within
 * the period, so a sum over the period is the distinct count. Written independently of the
 * compiler and of src/kpi/periods.ts: days by Intl, periods by hand.
 */
import { type Ga4Event, localDate } from "../../../dev/bigquery/ga4-events.ts";
import type { Period } from "../../../src/kpi/periods.ts";
import type { Measure } from "../../../src/kpi/sql/types.ts";

/** The period holding an ISO day, as its first ISO day. */
export function periodOf(iso: string, period: Period): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const at = new Date(Date.UTC(y, m - 1, d));
  const iso10 = (t: Date) => t.toISOString().slice(0, 10);
  switch (period) {
    case "day":
      return iso;
    case "week":
      at.setUTCDate(d - ((at.getUTCDay() + 6) % 7));
      return iso10(at);
    case "month":
      return iso10(new Date(Date.UTC(y, m - 1, 1)));
    case "quarter":
      return iso10(new Date(Date.UTC(y, m - 1 - ((m - 1) % 3), 1)));
    case "year":
      return iso10(new Date(Date.UTC(y, 0, 1)));
  }
}

const param = (e: Ga4Event, key: string) => e.params.find((p) => p.key === key);

export interface Flattened {
  readonly dates: Date[];
  /** The event of each row. */
  readonly events: Ga4Event[];
  readonly columns: Record<string, (number | string)[]>;
}

export function flatten(
  events: readonly Ga4Event[],
  o: {
    timeZone: string;
    period: Period;
    from: string;
    to: string;
    measures: Readonly<Record<string, Measure>>;
    devices?: readonly string[];
  },
): Flattened {
  const kept = events
    .map((e) => ({ e, day: localDate(e.micros / 1000, o.timeZone) }))
    .filter(
      ({ e, day }) => day >= o.from && day <= o.to && (!o.devices || o.devices.includes(e.device)),
    )
    .sort((a, b) => a.e.micros - b.e.micros);
  const sessionOf = (e: Ga4Event) => {
    const sid = param(e, "ga_session_id")?.int_value;
    return e.user !== null && sid !== undefined ? `${e.user}.${sid}` : null;
  };
  const engaged = (e: Ga4Event) => {
    const p = param(e, "session_engaged");
    return p?.string_value === "1" || (p?.string_value === undefined && p?.int_value === 1);
  };
  // Sessions with an engaged event, per period.
  const engagedIn = new Set<string>();
  for (const { e, day } of kept) {
    const s = sessionOf(e);
    if (s && engaged(e)) engagedIn.add(`${periodOf(day, o.period)}|${s}`);
  }
  const dates: Date[] = [];
  const rows: Ga4Event[] = [];
  const columns: Record<string, (number | string)[]> = {};
  for (const name of Object.keys(o.measures)) columns[name] = [];
  const firsts = new Map<string, Set<string>>();
  const first = (tag: string, key: string) => {
    let set = firsts.get(tag);
    if (!set) {
      set = new Set();
      firsts.set(tag, set);
    }
    if (set.has(key)) return false;
    set.add(key);
    return true;
  };
  for (const { e, day } of kept) {
    dates.push(new Date(e.micros / 1000));
    rows.push(e);
    const p = periodOf(day, o.period);
    const s = sessionOf(e);
    for (const [name, m] of Object.entries(o.measures)) {
      if (m.kind !== "ga4") throw new Error("flatten: GA4 presets only");
      const isKey = m.events?.includes(e.name) ?? false;
      let v: number | string = 0;
      switch (m.preset) {
        case "sessions":
          v = s && first(name, `${p}|${s}`) ? 1 : 0;
          break;
        case "engaged_sessions":
          v = s && engaged(e) && first(name, `${p}|${s}`) ? 1 : 0;
          break;
        case "non_engaged_sessions":
          v = s && !engagedIn.has(`${p}|${s}`) && first(name, `${p}|${s}`) ? 1 : 0;
          break;
        case "users":
          v = e.user !== null && first(name, `${p}|${e.user}`) ? 1 : 0;
          break;
        case "key_events":
          v = isKey ? 1 : 0;
          break;
        case "converting_sessions":
          v = s && isKey && first(name, `${p}|${s}`) ? 1 : 0;
          break;
        case "purchase_revenue":
          v = e.name === "purchase" && e.revenue !== null ? e.revenue : 0;
          break;
        case "page_views":
          v = e.name === "page_view" ? 1 : 0;
          break;
        case "engagement_seconds":
          v = (param(e, "engagement_time_msec")?.int_value ?? 0) / 1000;
          break;
      }
      columns[name]!.push(v);
    }
  }
  return { dates, events: rows, columns };
}

/**
 * The "online sales" conversion, by hand: purchase events over distinct sessions (user pseudo id
 * + ga_session_id; events without either belong to no session), over the events whose day in
 * `timeZone` (ISO text) `onDay` accepts.
 */
export function purchasesPerSession(
  events: readonly Ga4Event[],
  timeZone: string,
  onDay: (isoDay: string) => boolean,
): number {
  let purchases = 0;
  const sessions = new Set<string>();
  for (const e of events) {
    if (!onDay(localDate(e.micros / 1000, timeZone))) continue;
    if (e.name === "purchase") purchases++;
    const sid = e.params.find((p) => p.key === "ga_session_id")?.int_value;
    if (e.user !== null && sid !== undefined) sessions.add(`${e.user}|${sid}`);
  }
  return purchases / sessions.size;
}
