/**
 * The sidebar's frame: a top bar, a scrolling content area and a footer of actions, which each
 * view fills, plus a polite live region for announcements.
 */
import type { Lang } from "../src/contract/i18n.ts";
import type { ImportContext } from "../src/contract/import.ts";
import type { WizardContext } from "../src/contract/wizard.ts";
import type { Draft } from "./draft.ts";

export interface Shell {
  top: HTMLElement;
  content: HTMLElement;
  actions: HTMLElement;
  /** Read out by screen readers without moving focus. */
  announce(text: string): void;
}

export interface App {
  lang: Lang;
  shell: Shell;
  /** The wizard's data, fetched once and shared by the views. */
  context(): Promise<WizardContext>;
  /** The tabs a file may be imported into, fetched when the import panel asks. */
  importContext(): Promise<ImportContext>;
  showWizard(draft?: Draft): void;
  showList(notice?: string): void;
}
