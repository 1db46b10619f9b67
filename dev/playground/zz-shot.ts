import { launchChromium } from "../harness/chromium.ts";
const url = process.argv[2] ?? "http://localhost:8090/";
const out = process.argv[3] ?? "/tmp/shot.png";
const steps = (process.argv[4] ?? "").split(",").filter(Boolean);
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
page.on("console", (m) => console.log("console:", m.text()));
page.on("pageerror", (e) => console.log("pageerror:", e.message));
await page.goto(url);
await page.waitForSelector("[data-testid=grid]");
for (const step of steps) {
  if (step.startsWith("menu:")) {
    await page.click("button[data-menu=Extensions]");
    await page.click("[data-testid=addon-menu]");
    await page.click(`[data-testid=menu-item]:has-text("${step.slice(5)}")`);
    await page.waitForTimeout(800);
  } else if (step.startsWith("wait:")) await page.waitForTimeout(Number(step.slice(5)));
  else if (step.startsWith("click:")) await page.click(step.slice(6));
}
await page.screenshot({ path: out });
await browser.close();
