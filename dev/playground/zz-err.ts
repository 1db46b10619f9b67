import { readFileSync } from "node:fs";
import { PlaygroundSession } from "./session.ts";
const s = new PlaygroundSession({ stateFile: "/tmp/pg-err/wb.json", code: readFileSync("dist/Code.js", "utf8"), sidebarHtml: readFileSync("dist/Sidebar.html", "utf8"), timeZone: "Europe/Paris" });
s.open("en");
console.log(JSON.stringify(s.runMenu("en", "insertSampleData")).slice(0, 2000));
