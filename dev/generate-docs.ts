/** `npm run docs`: writes docs/FUNCTIONS.md from the KPI registry and the custom-function specs. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderFunctionsMarkdown } from "./docs.ts";
import { ROOT } from "./paths.ts";

const path = join(ROOT, "docs/FUNCTIONS.md");
writeFileSync(path, renderFunctionsMarkdown());
console.log(`docs: wrote ${path}`);
