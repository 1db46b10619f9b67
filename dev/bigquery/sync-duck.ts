/**
 * The DuckDB stand-in behind a synchronous call, for the emulator's Connected Sheets runner:
 * DuckDB runs in a worker thread (duck-worker.mjs) and the caller blocks on Atomics.wait until
 * the answer is posted, as an Apps Script execution blocks in waitForCompletion. Node's own
 * primitives (worker_threads, SharedArrayBuffer, receiveMessageOnPort), no dependency.
 *
 * The asynchronous `run` serves the set-up (macros, a generated export) without blocking; the
 * worker runs every request in the order it arrives, so a query waits for the data before it.
 */
import { join } from "node:path";
import { MessageChannel, receiveMessageOnPort, Worker } from "node:worker_threads";
import type { BigQueryAnswer, BigQueryRunner } from "../emulator/index.ts";
import { ROOT } from "../paths.ts";
import type { QueryResult, SqlRunner } from "./duckdb.ts";
import { BIGQUERY_MACROS, bigQueryToDuckDb, TranslateError } from "./translate.ts";

interface Reply {
  readonly id: number;
  readonly ms: number;
  readonly header?: string[];
  readonly rows?: unknown[][];
  readonly error?: string;
}

/** A synchronous answer: the result, an error's text, or no answer within the time given. */
export type SyncAnswer =
  | { readonly ok: true; readonly result: QueryResult; readonly ms: number }
  | { readonly ok: false; readonly error: string; readonly ms: number }
  | { readonly ok: false; readonly timedOut: true; readonly ms: number };

export class DuckWorker implements SqlRunner {
  private nextId = 1;
  private readonly pending = new Map<number, (reply: Reply) => void>();
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));
  private readonly channel = new MessageChannel();
  private readonly worker: Worker;
  private closing = false;

  constructor(options: { threads?: number } = {}) {
    this.worker = new Worker(join(ROOT, "dev/bigquery/duck-worker.mjs"), {
      workerData: { threads: options.threads ?? 1, flag: this.flag, sync: this.channel.port2 },
      transferList: [this.channel.port2],
    });
    this.worker.on("message", (reply: Reply) => {
      this.pending.get(reply.id)?.(reply);
      this.pending.delete(reply.id);
      if (this.pending.size === 0 && !this.closing) this.worker.unref();
    });
    this.worker.on("error", (error) => {
      for (const resolve of this.pending.values())
        resolve({ id: 0, ms: 0, error: `DuckDB worker stopped: ${error.message}` });
      this.pending.clear();
    });
    // Idle, the worker does not keep the process alive; an asynchronous request does (run()).
    this.worker.unref();
    this.channel.port1.unref();
    for (const macro of BIGQUERY_MACROS) void this.run(macro);
  }

  run(sql: string): Promise<QueryResult> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (reply) =>
        reply.error === undefined
          ? resolve({ header: reply.header ?? [], rows: reply.rows ?? [] })
          : reject(new Error(reply.error)),
      );
      this.worker.ref();
      this.worker.postMessage({ id, sql });
    });
  }

  /** Blocks until the worker answers `sql`, or `timeoutMs` has passed (the query then runs on). */
  runSync(sql: string, timeoutMs: number): SyncAnswer {
    const id = this.nextId++;
    const started = performance.now();
    this.channel.port1.postMessage({ id, sql });
    for (;;) {
      // The worker posts an answer, then bumps the counter: read the counter first, so an
      // answer posted after the drain below changes it and the wait returns at once.
      const seen = Atomics.load(this.flag, 0);
      for (
        let m = receiveMessageOnPort(this.channel.port1);
        m;
        m = receiveMessageOnPort(this.channel.port1)
      ) {
        const reply = m.message as Reply;
        // Answers to queries given up on earlier may arrive first: skip them.
        if (reply.id !== id) continue;
        const ms = performance.now() - started;
        return reply.error === undefined
          ? { ok: true, result: { header: reply.header ?? [], rows: reply.rows ?? [] }, ms }
          : { ok: false, error: reply.error, ms };
      }
      const left = timeoutMs - (performance.now() - started);
      if (left <= 0) return { ok: false, timedOut: true, ms: performance.now() - started };
      Atomics.wait(this.flag, 0, seen, left);
    }
  }

  /** Stops the worker: the query running now is interrupted, the ones waiting fail. */
  close(): Promise<void> {
    return new Promise((resolve) => {
      this.worker.once("exit", () => resolve());
      // Held until it has stopped, or the process could end first and abort DuckDB mid-work.
      this.closing = true;
      this.worker.ref();
      this.worker.postMessage("close");
    });
  }
}

/** A DuckDB value as Connected Sheets hands a cell back: numbers as numbers, dates as text. */
function asCell(v: unknown): unknown {
  if (typeof v === "bigint") return Number(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return v !== null && typeof v === "object" ? String(v) : v;
}

/**
 * The emulator's Connected Sheets runner on a DuckWorker: the raw BigQuery query as KPI Pilot
 * wrote it, rendered for DuckDB (translate.ts) and run; DuckDB's "does not exist" read as
 * BigQuery's DATA_NOT_FOUND, a query the stand-in cannot render or run as an ENGINE error with
 * its text. `seconds` is the real time taken, so waitForCompletion's timeout applies to it.
 */
export function bigQueryStandIn(
  duck: DuckWorker,
  options: { timeoutMs?: number } = {},
): BigQueryRunner {
  return (_projectId: string, sql: string): BigQueryAnswer => {
    let duckSql: string;
    try {
      duckSql = bigQueryToDuckDb(sql);
    } catch (error) {
      if (!(error instanceof TranslateError)) throw error;
      return {
        error: "ENGINE",
        message: `DuckDB stand-in cannot run this query: ${error.message}`,
      };
    }
    const answer = duck.runSync(duckSql, options.timeoutMs ?? 300_000);
    const seconds = answer.ms / 1000;
    if (answer.ok)
      return {
        header: answer.result.header,
        rows: answer.result.rows.map((row) => row.map(asCell)),
        seconds,
      };
    if ("timedOut" in answer) return { error: "TIME_OUT", message: "", seconds };
    const notFound = /does not exist/i.test(answer.error);
    return { error: notFound ? "DATA_NOT_FOUND" : "ENGINE", message: answer.error, seconds };
  };
}
