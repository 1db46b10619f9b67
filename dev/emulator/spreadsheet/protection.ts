/** Protection of a sheet or a range (recorded, not enforced). */
import { member, ProtectionType } from "../enums.ts";
import { EmuUser } from "../services/session.ts";
import { type Ctx, INTERNAL, instrument, type ProtectionState, type SheetState } from "../state.ts";

type GRange = GoogleAppsScript.Spreadsheet.Range;

// ── Protection ──────────────────────────────────────────────────────────────────────────────────

export type ProtectionMethods =
  | "addEditor"
  | "addEditors"
  | "canDomainEdit"
  | "canEdit"
  | "getDescription"
  | "getEditors"
  | "getProtectionType"
  | "getRange"
  | "getUnprotectedRanges"
  | "isWarningOnly"
  | "remove"
  | "removeEditor"
  | "removeEditors"
  | "setDescription"
  | "setDomainEdit"
  | "setRange"
  | "setUnprotectedRanges"
  | "setWarningOnly";

export class EmuProtection
  implements Pick<GoogleAppsScript.Spreadsheet.Protection, ProtectionMethods>
{
  readonly [INTERNAL]: { ctx: Ctx; sheet: SheetState; id: number };
  constructor(ctx: Ctx, sheet: SheetState, id: number) {
    this[INTERNAL] = { ctx, sheet, id };
  }
  addEditor(
    emailAddress: string | GoogleAppsScript.Base.User,
  ): GoogleAppsScript.Spreadsheet.Protection {
    const p = this.state();
    const email = typeof emailAddress === "string" ? emailAddress : emailAddress.getEmail();
    if (!p.editors.includes(email)) p.editors.push(email);
    return this.self();
  }
  addEditors(emailAddresses: string[]): GoogleAppsScript.Spreadsheet.Protection {
    const p = this.state();
    for (const e of emailAddresses) if (!p.editors.includes(e)) p.editors.push(e);
    return this.self();
  }
  canDomainEdit(): boolean {
    this.state();
    return false;
  }
  canEdit(): boolean {
    this.state();
    return true;
  }
  setDomainEdit(_editable: boolean): GoogleAppsScript.Spreadsheet.Protection {
    this.state();
    return this.self();
  }
  getDescription(): string {
    return this.state().description;
  }
  setDescription(description: string): GoogleAppsScript.Spreadsheet.Protection {
    this.state().description = String(description);
    return this.self();
  }
  getEditors(): GoogleAppsScript.Base.User[] {
    const { ctx } = this[INTERNAL];
    return this.state().editors.map(
      (e) => new EmuUser(ctx, e) as unknown as GoogleAppsScript.Base.User,
    );
  }
  removeEditor(
    emailAddress: string | GoogleAppsScript.Base.User,
  ): GoogleAppsScript.Spreadsheet.Protection {
    const p = this.state();
    const email = typeof emailAddress === "string" ? emailAddress : emailAddress.getEmail();
    p.editors = p.editors.filter((e) => e !== email);
    return this.self();
  }
  removeEditors(
    users: (string | GoogleAppsScript.Base.User)[],
  ): GoogleAppsScript.Spreadsheet.Protection {
    const p = this.state();
    const emails = users.map((u) => (typeof u === "string" ? u : u.getEmail()));
    // The owner and the script's user always keep edit rights, as in Sheets.
    p.editors = p.editors.filter(
      (e) => !emails.includes(e) || e === this[INTERNAL].ctx.opts.userEmail,
    );
    return this.self();
  }
  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    return member(ProtectionType, this.state().type);
  }
  getRange(): GRange {
    const { ctx, sheet } = this[INTERNAL];
    const p = this.state();
    const rect = p.rect ?? { r1: 1, c1: 1, r2: sheet.maxRows, c2: sheet.maxColumns };
    return ctx.facades.range(sheet, rect);
  }
  setRange(range: GRange): GoogleAppsScript.Spreadsheet.Protection {
    const p = this.state();
    const r = this[INTERNAL].ctx.facades.unwrapRange(range, "Protection.setRange");
    if (p.type !== "RANGE")
      throw new Error("emulator: Protection.setRange applies to range protections");
    if (r.sheet !== this[INTERNAL].sheet)
      throw new Error("emulator: Protection.setRange: the range is on another sheet");
    p.rect = { ...r.rect };
    return this.self();
  }
  getUnprotectedRanges(): GRange[] {
    const { ctx, sheet } = this[INTERNAL];
    return this.state().unprotected.map((r) => ctx.facades.range(sheet, r));
  }
  setUnprotectedRanges(ranges: GRange[]): GoogleAppsScript.Spreadsheet.Protection {
    const p = this.state();
    if (p.type !== "SHEET")
      throw new Error("emulator: unprotected ranges apply to sheet protections");
    p.unprotected = ranges.map((r) => ({
      ...this[INTERNAL].ctx.facades.unwrapRange(r, "Protection.setUnprotectedRanges").rect,
    }));
    return this.self();
  }
  isWarningOnly(): boolean {
    return this.state().warningOnly;
  }
  setWarningOnly(warningOnly: boolean): GoogleAppsScript.Spreadsheet.Protection {
    if (typeof warningOnly !== "boolean")
      throw new Error("emulator: Protection.setWarningOnly expects a boolean");
    this.state().warningOnly = warningOnly;
    return this.self();
  }
  remove(): void {
    const { sheet, id } = this[INTERNAL];
    this.state();
    sheet.protections = sheet.protections.filter((p) => p.id !== id);
  }
  private state(): ProtectionState {
    const { sheet, id } = this[INTERNAL];
    const p = sheet.deleted ? undefined : sheet.protections.find((x) => x.id === id);
    if (!p) throw new Error("emulator: this protection has been removed");
    return p;
  }
  private self(): GoogleAppsScript.Spreadsheet.Protection {
    return this as unknown as GoogleAppsScript.Spreadsheet.Protection;
  }
}
instrument(EmuProtection, "Protection");
