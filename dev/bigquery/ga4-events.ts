/**
 * A small, seeded, GA4-export-shaped set of events, for the equivalence tests: users with several
 * sessions, sessions long enough to cross midnight in any zone, engaged and non-engaged sessions
 * (session_engaged as the string "1" and, now and then, the integer 1), purchases with revenue,
 * leads, a few events without a session id or without a user id (consent mode), several devices.
 * Dates are spread over a year boundary, a quarter boundary and Europe's spring DST change.
 */

import { seededRandom } from "../random.ts";

export interface Ga4Param {
  readonly key: string;
  readonly string_value?: string;
  readonly int_value?: number;
}

export interface Ga4Event {
  /** Microseconds since the epoch, UTC (the export's event_timestamp). */
  readonly micros: number;
  readonly name: string;
  readonly user: string | null;
  readonly params: readonly Ga4Param[];
  readonly device: string;
  readonly revenue: number | null;
}

export interface GenerateOptions {
  readonly seed: number;
  readonly users: number;
  /** First UTC day of the sessions, YYYY-MM-DD, and how many days they span. */
  readonly from: string;
  readonly days: number;
}

const DEVICES = ["desktop", "mobile", "tablet"];

export function generateGa4Events(o: GenerateOptions): Ga4Event[] {
  const rnd = seededRandom(o.seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const start = Date.parse(`${o.from}T00:00:00Z`);
  const events: Ga4Event[] = [];
  for (let u = 0; u < o.users; u++) {
    // Consent mode: some users have no pseudo id at all.
    const user = u % 17 === 16 ? null : `${1000 + u}.${1700000000 + u * 7}`;
    const sessions = 1 + Math.floor(rnd() * 4);
    for (let s = 0; s < sessions; s++) {
      let t = start + Math.floor(rnd() * o.days * 86_400_000);
      // A quarter of the sessions start shortly before a UTC or Paris or Tokyo midnight.
      if (rnd() < 0.25) {
        const day = Math.floor(t / 86_400_000) * 86_400_000;
        t =
          day +
          pick([23 * 3600, 22 * 3600, 14 * 3600]) * 1000 +
          50 * 60_000 +
          Math.floor(rnd() * 9 * 60_000);
      }
      const sessionId = Math.floor(t / 1000);
      const device = pick(DEVICES);
      const pages = 1 + Math.floor(rnd() * 5);
      const engaged = pages > 1 || rnd() < 0.3;
      const engagedAsInt = rnd() < 0.2;
      const gap =
        rnd() < 0.5 ? 60_000 + Math.floor(rnd() * 20 * 60_000) : 5_000 + Math.floor(rnd() * 60_000);
      const names = [
        "session_start",
        ...Array.from({ length: pages }, () => "page_view"),
        "user_engagement",
      ];
      if (rnd() < 0.2) names.push("add_to_cart");
      if (rnd() < 0.12) names.push("purchase");
      if (rnd() < 0.08) names.push("generate_lead");
      names.forEach((name, i) => {
        const at = t + i * gap + Math.floor(rnd() * 1000);
        const params: Ga4Param[] = [
          { key: "page_location", string_value: `https://shop.example/p${i}` },
        ];
        // A few events carry no session id (sent outside a session).
        if (!(name === "user_engagement" && rnd() < 0.1))
          params.push({ key: "ga_session_id", int_value: sessionId });
        if (engaged && i > 0) {
          params.push(
            engagedAsInt
              ? { key: "session_engaged", int_value: 1 }
              : { key: "session_engaged", string_value: "1" },
          );
        }
        if (name === "user_engagement") {
          params.push({
            key: "engagement_time_msec",
            int_value: 1000 + Math.floor(rnd() * 300_000),
          });
        }
        events.push({
          micros: at * 1000 + Math.floor(rnd() * 1000),
          name,
          user,
          params,
          device,
          revenue: name === "purchase" ? Math.round(1000 + rnd() * 20000) / 100 : null,
        });
      });
    }
  }
  return events.sort((a, b) => a.micros - b.micros);
}

/** The calendar day YYYY-MM-DD of an instant in `timeZone`, by Intl (independent of src/kpi). */
export function localDate(ms: number, timeZone: string): string {
  let fmt = FORMATS.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    FORMATS.set(timeZone, fmt);
  }
  return fmt.format(ms);
}
// Building a formatter costs far more than using one.
const FORMATS = new Map<string, Intl.DateTimeFormat>();

const lit = (s: string | null) => (s === null ? "NULL" : `'${s.replace(/'/g, "''")}'`);
const num = (n: number | null | undefined) => (n === null || n === undefined ? "NULL" : String(n));

/** An INSERT of the events into a GA4 stand-in table; event_date in the property's zone. */
export function insertSql(
  table: string,
  events: readonly Ga4Event[],
  propertyTimeZone: string,
): string {
  const rows = events.map((e) => {
    const date = localDate(e.micros / 1000, propertyTimeZone).replace(/-/g, "");
    const params = e.params
      .map(
        (p) =>
          `{'key': ${lit(p.key)}, 'value': {'string_value': ${lit(p.string_value ?? null)}, 'int_value': ${num(p.int_value)}, 'float_value': NULL, 'double_value': NULL}}`,
      )
      .join(", ");
    return `(${lit(date)}, ${e.micros}, ${lit(e.name)}, [${params}], ${lit(e.user)}, {'category': ${lit(e.device)}}, {'country': 'FR'}, {'source': 'google', 'medium': 'organic'}, {'purchase_revenue': ${num(e.revenue)}, 'transaction_id': NULL}, ${lit(date)})`;
  });
  return `INSERT INTO ${table} VALUES\n${rows.join(",\n")}`;
}
