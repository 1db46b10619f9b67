/** ScriptApp's time-driven triggers on the simulated clock, authorization, MailApp and users. */
import { describe, expect, it } from "vitest";
import { createEmulator } from "../../../dev/emulator/index.ts";
import { wallClock } from "../../../dev/emulator/tz.ts";

const MONDAY_0800_PARIS = new Date("2027-03-22T07:00:00Z"); // CET, UTC+1

function weekly(emu: ReturnType<typeof createEmulator>, hour = 9) {
  const S = emu.globals.ScriptApp;
  return S.newTrigger("review")
    .timeBased()
    .onWeekDay(S.WeekDay.MONDAY)
    .atHour(hour)
    .inTimezone("Europe/Paris")
    .create();
}

describe("ScriptApp time-driven triggers", () => {
  it("fires a weekly trigger once a week, within the hour asked for in its zone, across a DST change", () => {
    const emu = createEmulator();
    emu.setNow(MONDAY_0800_PARIS);
    const fired: { at: string; event: Record<string, unknown>; user: string }[] = [];
    emu.setTriggerRunner((handler, event) => {
      expect(handler).toBe("review");
      fired.push({
        at: new Date().toISOString(),
        event,
        user: emu.globals.Session.getEffectiveUser().getEmail(),
      });
    });
    const trigger = weekly(emu);
    expect(emu.advanceClock(3 * 7 * 86_400_000)).toBe(3);
    expect(fired).toHaveLength(3);
    for (const [i, run] of emu.triggerRuns.entries()) {
      const w = wallClock(new Date(run.at), "Europe/Paris");
      expect(w.weekday, run.at).toBe(1);
      expect(w.hour, run.at).toBe(9);
      expect(run.uid).toBe(trigger.getUniqueId());
      expect(run.error).toBeUndefined();
      // The event's fields are UTC; they name the instant the run happened.
      const e = fired[i]!.event;
      expect(e.triggerUid).toBe(trigger.getUniqueId());
      expect(e.timezone).toBe("UTC");
      const at = Date.UTC(
        e.year as number,
        (e.month as number) - 1,
        e["day-of-month"] as number,
        e.hour as number,
        e.minute as number,
        e.second as number,
      );
      expect(Math.floor(at / 1000)).toBe(Math.floor(Date.parse(run.at) / 1000));
      expect(fired[i]!.user).toBe("marketer@example.com");
    }
    // 29 March 2027 is after the change to summer time: still 9:xx in Paris, 7:xx UTC.
    expect(new Date(emu.triggerRuns[1]!.at).getUTCHours()).toBe(7);
  });

  it("jitters within the hour, and a slot fires once however the clock moves", () => {
    const emu = createEmulator({ triggerJitter: () => 59 * 60_000 });
    emu.setNow(MONDAY_0800_PARIS);
    let runs = 0;
    emu.setTriggerRunner(() => {
      runs++;
    });
    weekly(emu);
    expect(emu.nextTriggerTime()?.toISOString()).toBe("2027-03-22T08:59:00.000Z");
    expect(emu.advanceClock(60 * 60_000)).toBe(0); // 9:00 Paris: the run is still to come
    expect(emu.advanceClock(59 * 60_000)).toBe(1);
    expect(emu.advanceClock(60_000)).toBe(0);
    expect(emu.advanceClock("next-trigger")).toBe(1);
    expect(runs).toBe(2);
  });

  it("allows an add-on one time-driven trigger per user per document, and no faster than hourly", () => {
    const emu = createEmulator();
    const S = emu.globals.ScriptApp;
    const ss = emu.globals.SpreadsheetApp.getActiveSpreadsheet();
    const first = weekly(emu);
    expect(() => weekly(emu, 10)).toThrow(
      "This add-on has created too many time-based triggers in this document for this Google user account.",
    );
    expect(() => S.newTrigger("f").timeBased().everyMinutes(30)).toThrow(/once an hour/);
    emu.setActiveUser("colleague@example.com");
    expect(S.getUserTriggers(ss)).toHaveLength(0);
    weekly(emu);
    expect(S.getUserTriggers(ss)).toHaveLength(1);
    expect(emu.triggers().map((t) => t.user)).toEqual([
      "marketer@example.com",
      "colleague@example.com",
    ]);
    // Another user's trigger cannot be deleted: deleting by an id not one's own does nothing.
    S.deleteTrigger(first);
    expect(emu.triggers()).toHaveLength(2);
    emu.setActiveUser("marketer@example.com");
    S.deleteTrigger(S.getUserTriggers(ss)[0]!);
    expect(emu.triggers().map((t) => t.user)).toEqual(["colleague@example.com"]);
    expect(S.getProjectTriggers()).toHaveLength(0);
  });

  it("records what a handler throws, and runs each trigger as its own execution and owner", () => {
    const emu = createEmulator();
    emu.setNow(MONDAY_0800_PARIS);
    const seen: string[] = [];
    emu.setTriggerRunner(() => {
      seen.push(emu.globals.Session.getActiveUser().getEmail());
      expect(emu.globals.LockService.getDocumentLock().tryLock(0)).toBe(true);
      throw new Error("boom");
    });
    emu.setActiveUser("owner@example.com");
    const t = weekly(emu);
    emu.setActiveUser("viewer@example.com");
    emu.fireTrigger(t.getUniqueId());
    emu.fireTrigger(t.getUniqueId());
    expect(seen).toEqual(["owner@example.com", "owner@example.com"]);
    expect(emu.triggerRuns.map((r) => r.error)).toEqual(["boom", "boom"]);
    // The lock each run took was released when its execution ended.
    expect(emu.lockState().document).toBe("free");
    expect(emu.activeUser).toBe("viewer@example.com");
  });
});

describe("authorization", () => {
  it("says REQUIRED after an update that added scopes, and the services then refuse", () => {
    const emu = createEmulator();
    const { ScriptApp, MailApp } = emu.globals;
    const status = () =>
      String(ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationStatus());
    expect(status()).toBe("NOT_REQUIRED");
    emu.setAuthorizationRequired(true);
    expect(status()).toBe("REQUIRED");
    expect(ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationUrl()).toMatch(
      /^https:/,
    );
    expect(() => MailApp.sendEmail("a@example.com", "s", "b")).toThrow(
      /You do not have permission to call MailApp.sendEmail/,
    );
    expect(() => weekly(emu)).toThrow(/script\.scriptapp/);
    // Only that user.
    emu.setActiveUser("other@example.com");
    expect(status()).toBe("NOT_REQUIRED");
  });
});

describe("MailApp", () => {
  it("records each message in the outbox and spends one unit of quota per recipient", () => {
    const emu = createEmulator({ mailQuota: 5 });
    const { MailApp, Utilities } = emu.globals;
    const png = Utilities.newBlob([0x89, 0x50, 0x4e, 0x47], "image/png", "chart.png");
    MailApp.sendEmail({
      to: "a@example.com, b@example.com",
      cc: "c@example.com",
      subject: "Hello",
      body: "text",
      htmlBody: '<p>html <img src="cid:chart1"></p>',
      name: "KPI Pilot",
      inlineImages: { chart1: png },
    });
    expect(MailApp.getRemainingDailyQuota()).toBe(2);
    const sent = emu.outbox[0]!;
    expect(sent).toMatchObject({
      from: "marketer@example.com",
      name: "KPI Pilot",
      to: ["a@example.com", "b@example.com"],
      cc: ["c@example.com"],
      subject: "Hello",
      body: "text",
    });
    expect([...sent.inlineImages.chart1!.bytes]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(sent.size).toBe(5 + 4 + sent.htmlBody!.length + 4);
    expect(() =>
      MailApp.sendEmail("x@example.com, y@example.com, z@example.com", "s", "b"),
    ).toThrow("Service invoked too many times for one day: email.");
    expect(emu.outbox).toHaveLength(1);
    expect(() => MailApp.sendEmail("not an address", "s", "b")).toThrow(
      "Invalid email: not an address",
    );
    MailApp.sendEmail("x@example.com", "s", "b", { htmlBody: "<b>b</b>" });
    expect(emu.outbox[1]!.htmlBody).toBe("<b>b</b>");
    expect(MailApp.getRemainingDailyQuota()).toBe(1);
  });

  it("keeps a quota and user properties per user", () => {
    const emu = createEmulator();
    const { MailApp, PropertiesService } = emu.globals;
    emu.setMailQuota(0);
    PropertiesService.getUserProperties().setProperty("k", "mine");
    PropertiesService.getDocumentProperties().setProperty("d", "shared");
    emu.setActiveUser("other@example.com");
    expect(MailApp.getRemainingDailyQuota()).toBe(100);
    expect(PropertiesService.getUserProperties().getProperty("k")).toBeNull();
    expect(PropertiesService.getDocumentProperties().getProperty("d")).toBe("shared");
    emu.setActiveUser("marketer@example.com");
    expect(PropertiesService.getUserProperties().getProperty("k")).toBe("mine");
    expect(MailApp.getRemainingDailyQuota()).toBe(0);
  });
});
