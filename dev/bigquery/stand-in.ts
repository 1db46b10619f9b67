/**
 * The playground's BigQuery: a GA4 export of a few million generated events in DuckDB, in a
 * worker, answering the emulator's Connected Sheets queries as written (translate.ts). The data
 * is generated in the background; a query that comes first waits for it (the worker runs
 * requests in order), as a build waits for BigQuery.
 */

import type { BigQueryRunner } from "../emulator/index.ts";
import { generateBigGa4 } from "./generate.ts";
import { bigQueryStandIn, DuckWorker } from "./sync-duck.ts";

export const DEMO_PROJECT = "kpi-pilot-demo";
export const DEMO_DATASET = "analytics_demo";
/** The GA4 export's two years of daily tables end the day before `today` (UTC), as a real one's do. */
const DAYS = 730;

export interface Ga4StandIn {
  readonly runner: BigQueryRunner;
  /** project.dataset.events_*, as the wizard asks for it. */
  readonly table: string;
  readonly events: number;
  /** Resolves when the export is filled: how many events, in how many milliseconds. */
  readonly ready: Promise<{ events: number; ms: number }>;
  close(): Promise<void>;
}

export function startGa4StandIn(o: {
  events: number;
  propertyTimeZone: string;
  today: Date;
}): Ga4StandIn {
  const worker = new DuckWorker({ threads: 2 });
  const from = new Date(o.today.getTime() - DAYS * 86_400_000).toISOString().slice(0, 10);
  const started = performance.now();
  const ready = generateBigGa4(worker, {
    project: DEMO_PROJECT,
    dataset: DEMO_DATASET,
    events: o.events,
    from,
    days: DAYS,
    propertyTimeZone: o.propertyTimeZone,
  }).then((events) => ({ events, ms: performance.now() - started }));
  return {
    runner: bigQueryStandIn(worker),
    table: `${DEMO_PROJECT}.${DEMO_DATASET}.events_*`,
    events: o.events,
    ready,
    close: () => worker.close(),
  };
}
