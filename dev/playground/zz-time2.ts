import { readFileSync } from "node:fs";
import { PlaygroundSession } from "./session.ts";
const s = new PlaygroundSession({ stateFile: "/tmp/pg-time2/wb.json", code: readFileSync("/tmp/distfull/Code.js", "utf8"), sidebarHtml: readFileSync("/tmp/distfull/Sidebar.html", "utf8"), timeZone: "Europe/Paris" });
s.open("en");
s.runMenu("en", "insertSampleData");
const v0 = s.view("en", 1000);
const visits = v0.sheets.find((x) => x.name === "Sample visits")!;
s.activate(visits.id);
for (const rows of [1000, 2000, 15000]) {
  const t = Date.now(); const v = s.view("en", rows); const json = JSON.stringify(v);
  console.log(rows, Date.now() - t, "ms", (json.length / 1024).toFixed(0), "KiB");
}
