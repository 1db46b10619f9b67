/**
 * Builds dist/Sidebar.html: sidebar/index.html with its stylesheet and its TypeScript bundle
 * inlined, since Apps Script serves one HTML file and a CDN or external file is not an option.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { build, transform } from "esbuild";
import { ROOT } from "./paths.ts";

const SIDEBAR = join(ROOT, "sidebar");

/** Keeps inlined code from closing its element or opening an HTML comment early. */
export function escapeInlineScript(code: string): string {
  return code.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
}

export function escapeInlineStyle(css: string): string {
  return css.replace(/<\/(style)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
}

export async function buildSidebarHtml(): Promise<string> {
  let html = readFileSync(join(SIDEBAR, "index.html"), "utf8");
  const styleTags = [...html.matchAll(/<link rel="stylesheet" href="([\w./-]+\.css)"\s*\/?>/g)];
  for (const [tag, file] of styleTags) {
    const source = readFileSync(join(SIDEBAR, file as string), "utf8");
    const css = (await transform(source, { loader: "css", minify: true })).code;
    html = html.replace(tag, () => `<style>\n${escapeInlineStyle(css)}</style>`);
  }
  const scriptTags = [...html.matchAll(/<script type="module" src="([\w./-]+\.ts)"><\/script>/g)];
  for (const [tag, file] of scriptTags) {
    const result = await build({
      entryPoints: [join(SIDEBAR, file as string)],
      bundle: true,
      format: "iife",
      target: "es2020",
      minify: true,
      charset: "utf8",
      legalComments: "none",
      write: false,
      logLevel: "warning",
    });
    const js = result.outputFiles[0]?.text ?? "";
    html = html.replace(tag, () => `<script>\n${escapeInlineScript(js)}</script>`);
  }
  const external = /<script[^>]*\ssrc=|<link[^>]*\shref=/i.exec(html);
  if (external)
    throw new Error(`build: Sidebar.html still references an external file: ${external[0]}`);
  return html;
}
