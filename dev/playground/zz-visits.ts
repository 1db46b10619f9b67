import { launchChromium } from "../harness/chromium.ts";
import { clickAddonMenu } from "./drive.ts";
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1400, height: 800 } });
page.on("pageerror", (e) => console.log("pageerror:", e.message));
await page.goto("http://localhost:8090/");
await page.waitForSelector("[data-testid=grid]");
if (!(await page.getByTestId("sheet-tab").allTextContents()).includes("Sample visits")) {
  await clickAddonMenu(page, "Insert sample data");
  await page.waitForTimeout(2500);
}
let t = Date.now();
await page.getByTestId("sheet-tab").filter({ hasText: "Sample data" }).first().click();
await page.waitForSelector('[data-testid=grid][data-sheet="Sample data"]');
console.log("sample data tab", Date.now() - t);
t = Date.now();
await page.getByTestId("sheet-tab").filter({ hasText: "Sample visits" }).first().click();
await page.waitForSelector('[data-testid=grid][data-sheet="Sample visits"]');
console.log("visits tab", Date.now() - t);
await page.locator("#grid-scroll").evaluate((el) => el.scrollTo(0, el.scrollHeight));
await page.screenshot({ path: "/tmp/visits.png" });
t = Date.now();
await page.getByRole("button", { name: /Show 1000 more/ }).click();
await page.waitForFunction(() => document.querySelectorAll("[data-testid=grid] tbody tr").length > 1500);
console.log("more", Date.now() - t);
await browser.close();
