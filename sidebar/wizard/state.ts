/**
 * The wizard's state: what it edits (context and draft), where the user is (step, the way back to
 * the review), what is busy (saving, a server error to show), and the two server computations kept
 * in step with the draft: the preview of the data and the realism check of the target.
 *
 * Steps read this state and change it through its functions; the whole step is rebuilt only by
 * `render` (a structural change), while typing only calls `notify` so the live parts (preview,
 * baseline help, realism check, review sentence) redraw without moving focus.
 */
import type { Lang } from "../../src/contract/i18n.ts";
import { isBigQuerySource } from "../../src/contract/rules/bigquery-source.ts";
import type {
  BigQueryScan,
  BigQueryScanRequest,
  Preview,
  PreviewRequest,
  RealismRequest,
  RealismResult,
  SheetInfo,
  WizardContext,
} from "../../src/contract/wizard.ts";
import type { App } from "../app.ts";
import {
  bigQueryScanRequest,
  type Draft,
  findKpi,
  previewRequest,
  REVIEW,
  realismRequest,
  type StepIndex,
  validateStep,
} from "../draft.ts";
import { Form } from "../fields.ts";
import { toInputText } from "../format.ts";
import { createLoader, keyOf, type Loader } from "../loader.ts";
import { type UiKey, ui } from "../messages.ts";
import { call, messageOf } from "../rpc.ts";
import { keptText } from "./resume.ts";

/** A request's key without its start date. */
function withoutStart(key: string): string {
  const { startDate: _, ...rest } = JSON.parse(key) as Record<string, unknown>;
  return keyOf(rest);
}

/** How long after the last change the draft is kept: one server call per pause, not per key. */
const KEEP_DELAY_MS = 800;

export type Translate = (key: UiKey, params?: Record<string, string | number>) => string;

export class WizardState {
  readonly lang: Lang;
  readonly t: Translate;
  /** An existing objective: the wizard opens on the review and Back/Cancel return to the list. */
  readonly editing: boolean;
  step: StepIndex;
  /** The fields of the step on screen, so its errors show beside them; new at each render. */
  form = new Form();
  /** A new objective opens on the advisor, before step S; false once a KPI is chosen or skipped. */
  advising: boolean;
  /** Set by a review "Change" link: Next then returns straight to the review. */
  backToReview = false;
  saving = false;
  serverError: string | null = null;
  readonly preview: Loader<PreviewRequest, Preview>;
  readonly realism: Loader<RealismRequest, RealismResult>;
  /** What the first build would read from a BigQuery source (its plan; nothing is run). */
  readonly bigQueryScan: Loader<BigQueryScanRequest, BigQueryScan>;
  /** A BigQuery source's figures: its query run in BigQuery, only when the user asks (it is billed). */
  readonly bigQueryPreview: Loader<BigQueryScanRequest, Preview>;
  /** The redraw functions of the live parts of the step on screen. */
  private live: Array<() => void> = [];

  /** `render` rebuilds the step on screen; the wizard owns it, steps call it on structural changes. */
  constructor(
    readonly app: App,
    readonly ctx: WizardContext,
    readonly draft: Draft,
    readonly render: () => void,
  ) {
    this.lang = ctx.lang;
    this.t = (key, params) => ui.t(this.lang, key, params);
    this.editing = draft.id !== null;
    this.step = this.editing ? REVIEW : 0;
    this.advising = !this.editing;
    const previewArrived = () => {
      const data = this.currentPreview();
      const kpi = findKpi(ctx, draft.kpiId);
      // Until the user types a baseline, it follows the value computed from the data.
      if (data && kpi && !draft.baselineTouched) {
        const value = data.baseline?.value;
        draft.baselineText =
          value === null || value === undefined ? "" : toInputText(value, kpi.unit, this.lang);
      }
      this.refreshRealism();
      this.notify();
    };
    this.preview = createLoader<PreviewRequest, Preview>("previewObjective", previewArrived);
    this.bigQueryPreview = createLoader<BigQueryScanRequest, Preview>(
      "previewBigQueryObjective",
      previewArrived,
    );
    this.realism = createLoader<RealismRequest, RealismResult>("checkRealism", () => this.notify());
    this.bigQueryScan = createLoader<BigQueryScanRequest, BigQueryScan>("previewBigQueryScan", () =>
      this.notify(),
    );
  }

  /** Forgets the fields and live parts of the previous screen, before a render builds new ones. */
  startScreen(): void {
    this.form = new Form();
    this.live = [];
  }

  /** Registers a part of the step that redraws itself whenever the draft or a computation moves. */
  addLive(redraw: () => void): void {
    this.live.push(redraw);
  }

  notify(): void {
    for (const redraw of this.live) redraw();
    this.keepDraft();
  }

  /**
   * Keeps a new objective's draft in the user's properties, a moment after the last change, so
   * closing the sidebar loses nothing; the next opening offers to resume it.
   */
  private keepDraft(): void {
    // Nothing worth resuming before a KPI is chosen.
    if (this.editing || this.advising || this.kept === null || this.draft.kpiId === "") return;
    if (this.keepTimer !== undefined) clearTimeout(this.keepTimer);
    this.keepTimer = setTimeout(() => {
      this.keepTimer = undefined;
      const text = keptText(this.draft, this.step);
      if (this.kept === null || text === this.kept) return;
      this.kept = text;
      this.ctx.savedDraft = text;
      call("saveWizardDraft", text).catch((error: unknown) =>
        console.warn(`KPI Pilot: the draft was not kept: ${messageOf(error)}`),
      );
    }, KEEP_DELAY_MS);
  }

  /** No more keeping: the objective is saved (its draft is forgotten by the caller). */
  stopKeeping(): void {
    if (this.keepTimer !== undefined) clearTimeout(this.keepTimer);
    this.keepTimer = undefined;
    this.kept = null;
  }

  /** The text last kept; null once keeping stopped. */
  private kept: string | null = "";
  private keepTimer: ReturnType<typeof setTimeout> | undefined;

  /** The preview of the current choices, once it has arrived (null while it loads or fails). */
  currentPreview(): Preview | null {
    const { loader, request } = this.previewInForce();
    if (!request || loader.dataKey === "") return null;
    // A BigQuery preview stays the figures of these choices when only the start date moved since
    // (it widens what a build reads, not the periods' values): no second billed run for that.
    const same = isBigQuerySource(this.draft.sourceSheet)
      ? withoutStart(loader.dataKey) === withoutStart(keyOf(request))
      : loader.dataKey === keyOf(request);
    return same ? loader.data : null;
  }

  /**
   * The preview computation for the current kind of source, and what it would be asked: a tab's
   * runs as the choices change; a BigQuery source's only when asked (runBigQueryPreview).
   */
  previewInForce(): { loader: Loader<unknown, Preview>; request: object | null } {
    if (isBigQuerySource(this.draft.sourceSheet)) {
      return {
        loader: this.bigQueryPreview as Loader<unknown, Preview>,
        request: bigQueryScanRequest(this.ctx, this.draft),
      };
    }
    return {
      loader: this.preview as Loader<unknown, Preview>,
      request: previewRequest(this.ctx, this.draft),
    };
  }

  /** Runs the BigQuery source's query for its figures (the user asked: it is billed to their project). */
  runBigQueryPreview(): void {
    this.bigQueryPreview.request(bigQueryScanRequest(this.ctx, this.draft));
    this.notify();
  }

  /** The realism check of the current choices, once it has arrived. */
  currentRealism(): RealismResult | null {
    const request = realismRequest(this.ctx, this.draft, this.currentPreview());
    if (!request || this.realism.dataKey !== keyOf(request)) return null;
    return this.realism.data;
  }

  refreshRealism(delay = 0): void {
    this.realism.request(realismRequest(this.ctx, this.draft, this.currentPreview()), delay);
  }

  /** Brings both computations in step with the draft; `delay` while the user is typing. */
  refreshPreview(delay = 0): void {
    if (this.advising || this.step === 0) return;
    this.preview.request(previewRequest(this.ctx, this.draft), delay);
    this.refreshRealism(delay);
    // What the user just typed may change what the live parts say even when nothing is asked.
    this.notify();
  }

  /** The scan of the current BigQuery source, once it has arrived. */
  currentBigQueryScan(): BigQueryScan | null {
    const request = bigQueryScanRequest(this.ctx, this.draft);
    if (!request || this.bigQueryScan.dataKey !== keyOf(request)) return null;
    return this.bigQueryScan.data;
  }

  refreshBigQueryScan(delay = 0): void {
    this.bigQueryScan.request(bigQueryScanRequest(this.ctx, this.draft), delay);
    this.notify();
  }

  /** The baseline computed from the data for the current source, mapping and frequency. */
  computedBaseline(): number | null {
    return this.currentPreview()?.baseline?.value ?? null;
  }

  /**
   * Asks the server for the data tabs again, so a tab imported or renamed while the sidebar stayed
   * open is offered; the step is redrawn only when the list changed, and the draft keeps its tab.
   */
  refreshSheets(): void {
    const asked = ++this.sheetsAsked;
    call<SheetInfo[]>("getWizardSheets").then(
      (sheets) => {
        if (asked !== this.sheetsAsked || !Array.isArray(sheets)) return;
        if (JSON.stringify(sheets) === JSON.stringify(this.ctx.sheets)) return;
        this.ctx.sheets = sheets;
        if (this.onMeasurableStep()) this.render();
      },
      // The list on screen stays usable; the next save or preview names any tab that is gone.
      () => undefined,
    );
  }
  private sheetsAsked = 0;

  /** Whether this wizard's Measurable step is what the sidebar shows (not the list, not done). */
  onMeasurableStep(): boolean {
    return (
      this.step === 1 &&
      !this.advising &&
      this.app.shell.content.querySelector("[data-testid=wizard-sheet]") !== null
    );
  }

  /** Re-validates a field that already shows an error, as the user fixes it. */
  recheck(key: string): void {
    this.form.refresh(key, validateStep(this.ctx, this.draft, this.step, this.computedBaseline()));
  }
}
