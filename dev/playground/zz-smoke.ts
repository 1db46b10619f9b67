import { readFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { DIST, ROOT } from "../paths.ts";
import { PlaygroundSession } from "./session.ts";
import { createPlaygroundServer, listenOnFreePort } from "./server.ts";

const PAGE = join(ROOT, "dev/playground/page");
const result = await build({ entryPoints: [join(PAGE, "main.ts")], bundle: true, format: "iife", target: "es2020", write: false });
const D = process.env.DISTDIR ?? DIST;
const session = new PlaygroundSession({
  stateFile: process.argv[2] ?? "/tmp/pg-smoke/workbook.json",
  code: readFileSync(join(D, "Code.js"), "utf8"),
  sidebarHtml: readFileSync(join(D, "Sidebar.html"), "utf8"),
  timeZone: "Europe/Paris",
});
const pg = createPlaygroundServer(session, {
  html: readFileSync(join(PAGE, "index.html"), "utf8"),
  js: result.outputFiles[0]!.text,
  css: readFileSync(join(PAGE, "styles.css"), "utf8"),
});
const port = await listenOnFreePort(pg.server, Number(process.env.PORT ?? 8090));
console.log(`Playground: http://localhost:${port}`);
