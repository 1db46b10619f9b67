import { launchChromium } from "../harness/chromium.ts";
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1400, height: 700 } });
page.on("pageerror", (e) => console.log("pageerror:", e.message));
await page.goto("http://localhost:8090/");
await page.waitForSelector("[data-testid=grid]");
const cell = (r: number, c: number) => page.locator(`[data-testid=grid] td[data-r="${r}"][data-c="${c}"]`);
await cell(1, 1).click();
for (const [t, k] of [["Campaign performance summary for the spring sale, all channels", "Enter"], ["Clicks", "Tab"], ["Impressions", "Tab"], ["Rate", "Enter"]] as const) { await page.keyboard.type(t); await page.keyboard.press(k); }
await cell(3,1).click();
for (const t of ["30", "20", "12,5", "5%"]) { await page.keyboard.type(t); await page.keyboard.press("Enter"); }
await cell(3,2).click();
for (const t of ["1000", "1000", "2025-03-01", "TRUE"]) { await page.keyboard.type(t); await page.keyboard.press("Enter"); }
await cell(8,1).click();
await page.keyboard.type("=KPI_CTR(A3:A4, B3:B4)"); await page.keyboard.press("Enter");
await page.keyboard.type("=SPARKLINE({1,3,2,5,4,6})"); await page.keyboard.press("Enter");
await page.keyboard.type("=VLOOKUP(1,A1:B3,2)"); await page.keyboard.press("Enter");
await page.keyboard.type("=1/0"); await page.keyboard.press("Enter");
await cell(8,1).click();
await page.screenshot({ path: "/tmp/edit.png" });
await browser.close();
