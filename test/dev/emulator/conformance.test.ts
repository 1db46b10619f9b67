/**
 * Type conformance: each emulator class `implements Pick<GoogleAppsScript.X, Methods>`, which tsc
 * checks against @types/google-apps-script. The aliases below make tsc also fail when a class
 * grows a public method that is not in its Pick list (and so would escape that check). The
 * runtime part checks the counting and the "not emulated" trap reach every class.
 */
import { describe, expect, it } from "vitest";
import { createEmulator } from "../../../dev/emulator/index.ts";
import type { EmuLock, EmuLockService } from "../../../dev/emulator/services/lock.ts";
import type { EmuBlob, EmuMailApp } from "../../../dev/emulator/services/mail.ts";
import type {
  EmuAuthorizationInfo,
  EmuClockTriggerBuilder,
  EmuScriptApp,
  EmuTrigger,
  EmuTriggerBuilder,
} from "../../../dev/emulator/services/script.ts";
import type {
  EmuCharts,
  EmuLogger,
  EmuSession,
  EmuUser,
  EmuUtilities,
} from "../../../dev/emulator/services/session.ts";
import type {
  EmuCache,
  EmuCacheService,
  EmuProperties,
  EmuPropertiesService,
} from "../../../dev/emulator/services/storage.ts";
import type {
  EmuHtmlOutput,
  EmuHtmlService,
  EmuMenu,
  EmuUi,
  HtmlOutputMethods,
  UiMembers,
} from "../../../dev/emulator/services/ui.ts";
import type {
  EmbeddedChartBuilderMethods,
  EmbeddedChartMethods,
  EmuChartOptions,
  EmuContainerInfo,
  EmuEmbeddedChart,
  EmuEmbeddedChartBuilder,
} from "../../../dev/emulator/spreadsheet/charts.ts";
import type {
  BooleanConditionMethods,
  ConditionalFormatRuleBuilderMethods,
  ConditionalFormatRuleMethods,
  EmuBooleanCondition,
  EmuConditionalFormatRule,
  EmuConditionalFormatRuleBuilder,
} from "../../../dev/emulator/spreadsheet/conditional-format.ts";
import type {
  BigQuerySpecBuilderMethods,
  BigQuerySpecMethods,
  DataExecutionStatusMethods,
  DataSourceMethods,
  DataSourceSheetMethods,
  DataSourceSpecMethods,
  EmuBigQueryDataSourceSpec,
  EmuBigQueryDataSourceSpecBuilder,
  EmuDataExecutionStatus,
  EmuDataSource,
  EmuDataSourceSheet,
  EmuDataSourceSpec,
  EmuDataSourceSpecBuilder,
} from "../../../dev/emulator/spreadsheet/data-source.ts";
import type {
  DeveloperMetadataFinderMethods,
  DeveloperMetadataLocationMethods,
  DeveloperMetadataMethods,
  EmuDeveloperMetadata,
  EmuDeveloperMetadataFinder,
  EmuDeveloperMetadataLocation,
} from "../../../dev/emulator/spreadsheet/metadata.ts";
import type {
  EmuProtection,
  ProtectionMethods,
} from "../../../dev/emulator/spreadsheet/protection.ts";
import type { EmuRange, RangeMethods } from "../../../dev/emulator/spreadsheet/range.ts";
import type { EmuSheet, SheetMethods } from "../../../dev/emulator/spreadsheet/sheet.ts";
import type {
  EmuSpreadsheet,
  SpreadsheetMethods,
} from "../../../dev/emulator/spreadsheet/spreadsheet.ts";
import type {
  EmuSpreadsheetApp,
  SpreadsheetAppMembers,
} from "../../../dev/emulator/spreadsheet/spreadsheet-app.ts";
import type {
  DataValidationBuilderMethods,
  DataValidationMethods,
  EmuDataValidation,
  EmuDataValidationBuilder,
} from "../../../dev/emulator/spreadsheet/validation.ts";
import type { INTERNAL } from "../../../dev/emulator/state.ts";

/** Public members of C that its Pick list does not cover; must be never. */
type Unchecked<C, Listed extends PropertyKey> = Exclude<keyof C, Listed | typeof INTERNAL>;
type OnlyListed<C, Listed extends PropertyKey> = [Unchecked<C, Listed>] extends [never]
  ? true
  : Unchecked<C, Listed>;

const onlyListed: {
  range: OnlyListed<EmuRange, RangeMethods>;
  sheet: OnlyListed<EmuSheet, SheetMethods>;
  spreadsheet: OnlyListed<EmuSpreadsheet, SpreadsheetMethods>;
  app: OnlyListed<EmuSpreadsheetApp, SpreadsheetAppMembers>;
  protection: OnlyListed<EmuProtection, ProtectionMethods>;
  validation: OnlyListed<EmuDataValidation, DataValidationMethods>;
  validationBuilder: OnlyListed<EmuDataValidationBuilder, DataValidationBuilderMethods>;
  rule: OnlyListed<EmuConditionalFormatRule, ConditionalFormatRuleMethods>;
  ruleBuilder: OnlyListed<EmuConditionalFormatRuleBuilder, ConditionalFormatRuleBuilderMethods>;
  condition: OnlyListed<EmuBooleanCondition, BooleanConditionMethods>;
  metadata: OnlyListed<EmuDeveloperMetadata, DeveloperMetadataMethods>;
  finder: OnlyListed<EmuDeveloperMetadataFinder, DeveloperMetadataFinderMethods>;
  location: OnlyListed<EmuDeveloperMetadataLocation, DeveloperMetadataLocationMethods>;
  chart: OnlyListed<EmuEmbeddedChart, EmbeddedChartMethods>;
  chartBuilder: OnlyListed<EmuEmbeddedChartBuilder, EmbeddedChartBuilderMethods>;
  chartOptions: OnlyListed<EmuChartOptions, "get">;
  bqSpec: OnlyListed<EmuBigQueryDataSourceSpec, BigQuerySpecMethods>;
  spec: OnlyListed<EmuDataSourceSpec, DataSourceSpecMethods>;
  bqSpecBuilder: OnlyListed<EmuBigQueryDataSourceSpecBuilder, BigQuerySpecBuilderMethods>;
  specBuilder: OnlyListed<EmuDataSourceSpecBuilder, "asBigQuery">;
  executionStatus: OnlyListed<EmuDataExecutionStatus, DataExecutionStatusMethods>;
  dataSource: OnlyListed<EmuDataSource, DataSourceMethods>;
  dataSourceSheet: OnlyListed<EmuDataSourceSheet, DataSourceSheetMethods>;
  container: OnlyListed<
    EmuContainerInfo,
    "getAnchorColumn" | "getAnchorRow" | "getOffsetX" | "getOffsetY"
  >;
  ui: OnlyListed<EmuUi, UiMembers>;
  menu: OnlyListed<EmuMenu, "addItem" | "addSeparator" | "addToUi">;
  html: OnlyListed<
    EmuHtmlService,
    "SandboxMode" | "XFrameOptionsMode" | "createHtmlOutput" | "createHtmlOutputFromFile"
  >;
  htmlOutput: OnlyListed<EmuHtmlOutput, HtmlOutputMethods>;
  propertiesService: OnlyListed<
    EmuPropertiesService,
    "getDocumentProperties" | "getScriptProperties" | "getUserProperties"
  >;
  properties: OnlyListed<
    EmuProperties,
    | "deleteAllProperties"
    | "deleteProperty"
    | "getKeys"
    | "getProperties"
    | "getProperty"
    | "setProperties"
    | "setProperty"
  >;
  cacheService: OnlyListed<EmuCacheService, "getDocumentCache" | "getScriptCache" | "getUserCache">;
  cache: OnlyListed<EmuCache, "get" | "getAll" | "put" | "putAll" | "remove" | "removeAll">;
  lockService: OnlyListed<EmuLockService, "getDocumentLock" | "getScriptLock" | "getUserLock">;
  lock: OnlyListed<EmuLock, "hasLock" | "releaseLock" | "tryLock" | "waitLock">;
  session: OnlyListed<
    EmuSession,
    | "getActiveUser"
    | "getActiveUserLocale"
    | "getEffectiveUser"
    | "getScriptTimeZone"
    | "getTemporaryActiveUserKey"
  >;
  user: OnlyListed<EmuUser, "getEmail">;
  utilities: OnlyListed<
    EmuUtilities,
    "formatDate" | "formatString" | "getUuid" | "newBlob" | "sleep"
  >;
  blob: OnlyListed<
    EmuBlob,
    "getBytes" | "getContentType" | "getDataAsString" | "getName" | "setName"
  >;
  mailApp: OnlyListed<EmuMailApp, "getRemainingDailyQuota" | "sendEmail">;
  scriptApp: OnlyListed<
    EmuScriptApp,
    | "AuthMode"
    | "AuthorizationStatus"
    | "EventType"
    | "TriggerSource"
    | "WeekDay"
    | "deleteTrigger"
    | "getAuthorizationInfo"
    | "getProjectTriggers"
    | "getUserTriggers"
    | "newTrigger"
  >;
  authorizationInfo: OnlyListed<
    EmuAuthorizationInfo,
    "getAuthorizationStatus" | "getAuthorizationUrl"
  >;
  triggerBuilder: OnlyListed<EmuTriggerBuilder, "timeBased">;
  clockTriggerBuilder: OnlyListed<
    EmuClockTriggerBuilder,
    | "atHour"
    | "create"
    | "everyDays"
    | "everyHours"
    | "everyMinutes"
    | "everyWeeks"
    | "inTimezone"
    | "onWeekDay"
  >;
  trigger: OnlyListed<
    EmuTrigger,
    | "getEventType"
    | "getHandlerFunction"
    | "getTriggerSource"
    | "getTriggerSourceId"
    | "getUniqueId"
  >;
  logger: OnlyListed<EmuLogger, "clear" | "getLog" | "log">;
  charts: OnlyListed<
    EmuCharts,
    "ChartHiddenDimensionStrategy" | "ChartMergeStrategy" | "ChartType" | "CurveStyle" | "Position"
  >;
} = {
  range: true,
  sheet: true,
  bqSpec: true,
  spec: true,
  bqSpecBuilder: true,
  specBuilder: true,
  executionStatus: true,
  dataSource: true,
  dataSourceSheet: true,
  spreadsheet: true,
  app: true,
  protection: true,
  validation: true,
  validationBuilder: true,
  rule: true,
  ruleBuilder: true,
  condition: true,
  metadata: true,
  finder: true,
  location: true,
  chart: true,
  chartBuilder: true,
  chartOptions: true,
  container: true,
  ui: true,
  menu: true,
  html: true,
  htmlOutput: true,
  propertiesService: true,
  properties: true,
  cacheService: true,
  cache: true,
  lockService: true,
  lock: true,
  session: true,
  user: true,
  utilities: true,
  blob: true,
  mailApp: true,
  scriptApp: true,
  authorizationInfo: true,
  triggerBuilder: true,
  clockTriggerBuilder: true,
  trigger: true,
  logger: true,
  charts: true,
};

describe("type conformance", () => {
  it("is checked by tsc (this object only compiles if every class lists all its methods)", () => {
    expect(Object.values(onlyListed).every((v) => v === true)).toBe(true);
  });

  it("gives every global the shape code typed against @types/google-apps-script expects", () => {
    const { globals } = createEmulator();
    const app: GoogleAppsScript.Spreadsheet.SpreadsheetApp = globals.SpreadsheetApp;
    expect(typeof app.getActiveSpreadsheet).toBe("function");
    expect(String(app.ProtectionType.SHEET)).toBe("SHEET");
    expect(String(globals.Charts.ChartType.LINE)).toBe("LINE");
  });
});

describe("every class is instrumented", () => {
  it("counts a call on each kind of object and names the missing method when one is not emulated", () => {
    const emu = createEmulator();
    const g = emu.globals;
    const sheet = g.SpreadsheetApp.getActiveSheet();
    const range = sheet.getRange("A1:B2");
    const objects: [string, object][] = [
      ["SpreadsheetApp", g.SpreadsheetApp],
      ["Spreadsheet", g.SpreadsheetApp.getActive()],
      ["Sheet", sheet],
      ["Range", range],
      ["Protection", range.protect()],
      ["DataValidationBuilder", g.SpreadsheetApp.newDataValidation()],
      ["ConditionalFormatRuleBuilder", g.SpreadsheetApp.newConditionalFormatRule()],
      ["EmbeddedChartBuilder", sheet.newChart()],
      ["DataSourceSpecBuilder", g.SpreadsheetApp.newDataSourceSpec()],
      ["BigQueryDataSourceSpecBuilder", g.SpreadsheetApp.newDataSourceSpec().asBigQuery()],
      ["DataSourceSpec", g.SpreadsheetApp.newDataSourceSpec().asBigQuery().build()],
      ["Ui", g.SpreadsheetApp.getUi()],
      ["Menu", g.SpreadsheetApp.getUi().createAddonMenu()],
      ["HtmlService", g.HtmlService],
      ["HtmlOutput", g.HtmlService.createHtmlOutput("x")],
      ["PropertiesService", g.PropertiesService],
      ["Properties", g.PropertiesService.getUserProperties()],
      ["CacheService", g.CacheService],
      ["LockService", g.LockService],
      ["Lock", g.LockService.getScriptLock()],
      ["Session", g.Session],
      ["Utilities", g.Utilities],
      ["Logger", g.Logger],
      ["ScriptApp", g.ScriptApp],
      ["TriggerBuilder", g.ScriptApp.newTrigger("f")],
      ["ClockTriggerBuilder", g.ScriptApp.newTrigger("f").timeBased()],
      ["AuthorizationInfo", g.ScriptApp.getAuthorizationInfo(g.ScriptApp.AuthMode.FULL)],
      ["MailApp", g.MailApp],
      ["Blob", g.Utilities.newBlob("x")],
      [
        "Trigger",
        g.ScriptApp.newTrigger("f").timeBased().onWeekDay(g.ScriptApp.WeekDay.MONDAY).create(),
      ],
    ];
    for (const [name, obj] of objects) {
      expect(() => (obj as { setSomethingElse(): void }).setSomethingElse(), name).toThrow(
        new RegExp(`emulator: ${name}\\.setSomethingElse\\(\\) is not emulated`),
      );
    }
    // Harmless probes (then, toJSON, asymmetricMatch…) are not API verbs and stay undefined.
    expect((range as unknown as { then?: unknown }).then).toBeUndefined();
    expect((range as unknown as { toJSON?: unknown }).toJSON).toBeUndefined();
    const counts = emu.calls.counts();
    for (const key of [
      "SpreadsheetApp.getActiveSheet",
      "Sheet.getRange",
      "Range.protect",
      "Ui.createAddonMenu",
    ]) {
      expect(counts[key], key).toBe(1);
    }
  });
});
