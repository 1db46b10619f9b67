// The DuckDB stand-in in a worker thread, so that the emulator's Connected Sheets runner, which
// must answer synchronously as Apps Script's waitForCompletion does, can wait for DuckDB's
// asynchronous API (sync-duck.ts). Requests run one at a time, in the order they arrive, whether
// they came asynchronously (parentPort) or from a blocked caller (the `sync` port, whose answers bump
// the counter `flag` and notify it).
import { parentPort, workerData } from "node:worker_threads";
import { DuckDBInstance } from "@duckdb/node-api";

const { threads, flag, sync } = workerData;
const instance = await DuckDBInstance.create(":memory:", { threads: String(threads) });
const connection = await instance.connect();

let queue = Promise.resolve();
let closing = false;

/** Runs one request after the ones before it; `reply` gets the result or the error's text. */
function handle(request, reply) {
  queue = queue.then(async () => {
    const started = performance.now();
    let answer;
    if (closing) answer = { error: "the DuckDB stand-in is closing" };
    else
      try {
        const reader = await connection.runAndReadAll(request.sql);
        answer = { header: reader.columnNames(), rows: reader.getRowsJS() };
      } catch (error) {
        answer = { error: error instanceof Error ? error.message : String(error) };
      }
    reply({ id: request.id, ms: performance.now() - started, ...answer });
  });
}

parentPort.on("message", (request) => {
  if (request === "close") {
    // Stop whatever runs now (a generation of millions of events takes seconds): a process that
    // exits while DuckDB's native work is in flight aborts.
    closing = true;
    connection.interrupt();
    void queue.then(() => {
      connection.closeSync();
      instance.closeSync();
      process.exit(0);
    });
    return;
  }
  handle(request, (answer) => parentPort.postMessage(answer));
});

sync.on("message", (request) =>
  handle(request, (answer) => {
    sync.postMessage(answer);
    Atomics.add(flag, 0, 1);
    Atomics.notify(flag, 0);
  }),
);
