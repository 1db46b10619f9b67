/**
 * `npm start`: rebuilds dist/ when it is stale, loads the real dist/Code.js on the emulator, and
 * serves the playground on PORT (default 8080, or the next free port).
 *
 *   npm start -- --csv exports/ga4.csv   import a CSV as a new tab at start (repeatable)
 *   npm start -- --state my.json         keep the workbook in another file
 *   npm start -- --time-zone Asia/Tokyo  zone of a new workbook (default: this machine's)
 *   npm start -- --no-build              serve dist/ as it is, even when a source is newer
 *   npm start -- --empty                 a first run starts on an empty workbook, not sample data
 *   npm start -- --ga4-events 500000     size of the generated GA4 export that stands in for
 *                                        BigQuery (default 3,000,000; 0: no BigQuery at all)
 *
 * A browser is opened only when a display is present and BROWSER is not "none".
 */
import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { build } from "esbuild";
import { parseCsv } from "../../src/sheets/import/csv.ts";
import { csvErrorMessage } from "../../src/sheets/import/endpoints.ts";
import { startGa4StandIn } from "../bigquery/stand-in.ts";
import { DIST, ROOT } from "../paths.ts";
import { createPlaygroundServer, listenOnFreePort, type PageAssets } from "./server.ts";
import { PlaygroundSession } from "./session.ts";
import { distStaleness } from "./stale.ts";
import { type LockHolder, lockStateFile } from "./state-lock.ts";

const PAGE = join(ROOT, "dev/playground/page");

interface StartOptions {
  csv: string[];
  stateFile: string;
  timeZone: string;
  port: number;
  build: boolean;
  /** Seed a brand-new workbook with the sample data (the default; --empty turns it off). */
  seed: boolean;
  /** Events in the generated GA4 export the BigQuery stand-in holds; 0 for none. */
  ga4Events: number;
}

function usage(message: string): never {
  console.error(`playground: ${message}`);
  console.error(
    "usage: npm start -- [--csv file.csv]… [--state file.json] [--time-zone Area/City] [--no-build] [--empty] [--ga4-events N]",
  );
  process.exit(2);
}

export function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv): StartOptions {
  const opts: StartOptions = {
    csv: [],
    stateFile: resolve(ROOT, ".playground/workbook.json"),
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || "Europe/Paris",
    port: 8080,
    build: true,
    seed: true,
    ga4Events: 3_000_000,
  };
  if (env.PORT !== undefined && env.PORT !== "") {
    const port = Number(env.PORT);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      usage(`PORT=${env.PORT} is not a port number`);
    opts.port = port;
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.includes("=")
      ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
      : [arg, undefined];
    const value = () => inline ?? argv[++i] ?? usage(`${flag} needs a value`);
    if (flag === "--csv") opts.csv.push(resolve(value()));
    else if (flag === "--state") opts.stateFile = resolve(value());
    else if (flag === "--time-zone") opts.timeZone = value();
    else if (flag === "--no-build") opts.build = false;
    else if (flag === "--empty") opts.seed = false;
    else if (flag === "--ga4-events") {
      const text = value();
      const n = Number(text.replace(/_/g, ""));
      if (!Number.isInteger(n) || n < 0 || n > 50_000_000)
        usage(`--ga4-events ${text} is not a number of events from 0 to 50,000,000`);
      opts.ga4Events = n;
    } else usage(`unknown option ${arg}`);
  }
  return opts;
}

function buildIfStale(build: boolean): void {
  const staleness = distStaleness(ROOT, DIST);
  if (!staleness.stale) return;
  if (!build) {
    console.warn(`playground: serving dist/ as it is, although ${staleness.reason} (--no-build)`);
    return;
  }
  console.log(`playground: building (${staleness.reason})…`);
  // A child process, so a source that does not compile stops here with esbuild's own message.
  const result = spawnSync(
    process.execPath,
    [join(ROOT, "dev/run.mjs"), join(ROOT, "dev/build.ts")],
    {
      cwd: ROOT,
      stdio: "inherit",
    },
  );
  if (result.status !== 0) {
    console.error("playground: the build failed (see above); fix it and run npm start again.");
    process.exit(1);
  }
}

async function pageAssets(): Promise<PageAssets> {
  const result = await build({
    entryPoints: [join(PAGE, "main.ts")],
    bundle: true,
    format: "iife",
    target: "es2020",
    charset: "utf8",
    write: false,
    logLevel: "warning",
  });
  return {
    html: readFileSync(join(PAGE, "index.html"), "utf8"),
    js: result.outputFiles[0]?.text ?? "",
    css: readFileSync(join(PAGE, "styles.css"), "utf8"),
  };
}

function hasDisplay(env: NodeJS.ProcessEnv): boolean {
  if (process.platform === "darwin" || process.platform === "win32") return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

function openBrowser(url: string, env: NodeJS.ProcessEnv): void {
  if (env.BROWSER === "none" || !hasDisplay(env)) return;
  const [command, args] = env.BROWSER
    ? [env.BROWSER, [url]]
    : process.platform === "darwin"
      ? ["open", [url]]
      : process.platform === "win32"
        ? ["cmd", ["/c", "start", "", url]]
        : ["xdg-open", [url]];
  try {
    const child = spawn(command, args, { stdio: "ignore", detached: true });
    child.on("error", () => undefined);
    child.unref();
  } catch {
    // No browser is no reason to stop: the address is printed.
  }
}

/** Why this playground will not start on a state file another one has open. */
function lockedMessage(stateFile: string, holder: LockHolder): string {
  const who = [
    `process ${holder.pid}`,
    ...(holder.host ? [`on ${holder.host}`] : []),
    ...(holder.url ? [`serving ${holder.url}`] : []),
  ].join(", ");
  return [
    `${stateFile} is already open in another playground (${who}).`,
    "Two playgrounds on one file would overwrite each other's saves, so this one does not start.",
    holder.url
      ? `Open ${holder.url} instead, or stop that playground (Ctrl-C in its terminal) and run npm start again,`
      : "Stop that playground (Ctrl-C in its terminal) and run npm start again,",
    "or start this one on another file: npm start -- --state other.json",
  ].join("\n");
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2), process.env);
  // Before anything is built or loaded: a second playground on this file stops here.
  const locked = lockStateFile(opts.stateFile);
  if (!locked.ok) {
    console.error(`playground: ${lockedMessage(opts.stateFile, locked.holder)}`);
    process.exit(1);
  }
  const lock = locked.lock;
  process.on("exit", () => lock.release());
  if (locked.tookOverFrom) {
    const from = locked.tookOverFrom;
    console.warn(
      from.pid > 0
        ? `playground: ${lock.path} was left by process ${from.pid}, which is gone; it is this playground's now.`
        : `playground: ${lock.path} was not a readable lock; it is this playground's now.`,
    );
  }
  buildIfStale(opts.build);
  let stopping = false;
  const bigQuery =
    opts.ga4Events > 0
      ? startGa4StandIn({
          events: opts.ga4Events,
          propertyTimeZone: opts.timeZone,
          today: new Date(),
        })
      : undefined;
  if (bigQuery) {
    console.log(
      `playground: BigQuery stand-in: generating ${opts.ga4Events.toLocaleString("en-US")} GA4 events in ${bigQuery.table} (DuckDB, in the background)…`,
    );
    bigQuery.ready.then(
      (r) =>
        console.log(
          `playground: BigQuery stand-in ready: ${r.events.toLocaleString("en-US")} events in ${(r.ms / 1000).toFixed(1)} s`,
        ),
      (error: unknown) => {
        if (stopping) return;
        console.error(
          `playground: the BigQuery stand-in could not be filled: ${error instanceof Error ? error.message : String(error)}`,
        );
        process.exit(1);
      },
    );
  }
  let session: PlaygroundSession;
  try {
    session = new PlaygroundSession({
      stateFile: opts.stateFile,
      code: readFileSync(join(DIST, "Code.js"), "utf8"),
      sidebarHtml: readFileSync(join(DIST, "Sidebar.html"), "utf8"),
      timeZone: opts.timeZone,
      seedSampleData: opts.seed,
      ...(bigQuery
        ? { bigQuery: { runner: bigQuery.runner, table: bigQuery.table, events: bigQuery.events } }
        : {}),
    });
  } catch (error) {
    // The bundle itself failed to load: say so plainly; the stack is for whoever fixes it.
    console.error(
      `playground: dist/Code.js could not be loaded on the emulator: ${error instanceof Error ? error.message : String(error)}`,
    );
    if (error instanceof Error && error.stack) console.error(error.stack);
    process.exit(1);
  }
  for (const notice of session.startupNotices) console.warn(`playground: ${notice}`);
  for (const file of opts.csv) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      usage(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const parsed = parseCsv(bytes);
    if (!parsed.ok) usage(`${file} was not imported: ${csvErrorMessage(parsed.error, "en")}`);
    const result = session.importCsv("en", basename(file), bytes);
    if (!result.ok) usage(`${file} was not imported: ${result.error ?? "?"}`);
    for (const e of result.events) if (e.type === "notice") console.log(`playground: ${e.message}`);
  }
  const playground = createPlaygroundServer(session, await pageAssets());
  const port = await listenOnFreePort(playground.server, opts.port);
  const url = `http://localhost:${port}`;
  lock.setUrl(url);
  console.log(`Playground: ${url}`);
  openBrowser(url, process.env);

  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    // The BigQuery stand-in is stopped too: exiting while DuckDB works would abort the process.
    void Promise.all([playground.close(), bigQuery?.close()]).then(() => {
      console.log(`playground: stopped (${signal}); the workbook is in ${opts.stateFile}`);
      process.exit(0);
    });
    // Whatever holds the server open, do not outstay a Ctrl-C.
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

await main();
