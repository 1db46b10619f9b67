/**
 * What Sheets offers while a formula is typed: after "=KPI_" a list of the add-on's functions
 * with their signature and what they compute, and inside a call the signature with the current
 * argument in bold. Both come from the functions' specs (the source of the JSDoc Sheets reads),
 * written with the separators of the spreadsheet's locale.
 */
import type { Lang } from "../../../src/contract/i18n.ts";
import { usesDecimalComma } from "../../../src/kpi/cells.ts";
import { localFormula, signature } from "../../../src/kpi/functions/formula-text.ts";
import { CUSTOM_FUNCTIONS } from "../../../src/kpi/functions/index.ts";
import type { CustomFunctionSpec } from "../../../src/kpi/functions/spec.ts";
import { h } from "./dom.ts";

interface Context {
  lang(): Lang;
  /** The spreadsheet's locale, which decides the separators. */
  locale(): string;
}

/** The name being typed at the caret, when the text is a formula. */
function typedName(before: string): string | null {
  if (!before.startsWith("=")) return null;
  const m = /(?:^=|[^A-Za-z0-9_."'])([A-Za-z_][A-Za-z0-9_]*)$/.exec(before);
  return m ? (m[1] as string) : null;
}

/** The call the caret is in, and which of its arguments (0-based), outside quoted text. */
function openCall(before: string): { name: string; arg: number } | null {
  const stack: { name: string; arg: number }[] = [];
  let quoted = false;
  for (let i = 0; i < before.length; i++) {
    const ch = before[i] as string;
    if (ch === '"') quoted = !quoted;
    if (quoted) continue;
    if (ch === "(") {
      const name = /([A-Za-z_][A-Za-z0-9_.]*)\s*$/.exec(before.slice(0, i))?.[1] ?? "";
      stack.push({ name: name.toUpperCase(), arg: 0 });
    } else if (ch === "{") stack.push({ name: "", arg: 0 });
    else if (ch === ")" || ch === "}") stack.pop();
    else if (ch === ";" || ch === ",") {
      const top = stack[stack.length - 1];
      // In a decimal-comma locale a comma between digits is a decimal, not a separator.
      const decimal =
        ch === "," && /\d/.test(before[i - 1] ?? "") && /\d/.test(before[i + 1] ?? "");
      if (top && !decimal) top.arg++;
    }
  }
  for (let k = stack.length - 1; k >= 0; k--) {
    const call = stack[k] as { name: string; arg: number };
    if (call.name) return call;
  }
  return null;
}

function signatureNode(spec: CustomFunctionSpec, decimalComma: boolean, current: number): Node {
  const text = localFormula(signature(spec), decimalComma);
  const open = text.indexOf("(");
  const sep = decimalComma ? "; " : ", ";
  const params = text.slice(open + 1, -1).split(sep);
  const line = h("span", { class: "fx-signature" }, h("b", {}, spec.name), "(");
  params.forEach((p, i) => {
    if (i > 0) line.append(sep);
    line.append(
      i === Math.min(current, params.length - 1) && current >= 0
        ? h("b", { class: "fx-current", "data-testid": "formula-arg-current" }, p)
        : p,
    );
  });
  line.append(")");
  return line;
}

/**
 * Watches a formula input (a cell's editor or the formula bar). Its keydown listener must be added
 * before the input's own, so that Enter, Tab and Escape pick from an open list first.
 */
export function attachAutocomplete(input: HTMLInputElement, ctx: Context): () => void {
  const box = h("div", { class: "fx-popup", "data-testid": "formula-suggestions" });
  box.hidden = true;
  document.body.append(box);
  let items: CustomFunctionSpec[] = [];
  let active = 0;

  const place = () => {
    const r = input.getBoundingClientRect();
    box.style.left = `${r.left}px`;
    box.style.top = `${r.bottom + 2}px`;
  };
  const close = () => {
    box.hidden = true;
    box.replaceChildren();
    items = [];
  };
  const accept = (spec: CustomFunctionSpec) => {
    const caret = input.selectionStart ?? input.value.length;
    const before = input.value.slice(0, caret);
    const name = typedName(before) ?? "";
    const head = `${before.slice(0, before.length - name.length)}${spec.name}(`;
    input.value = head + input.value.slice(caret);
    input.setSelectionRange(head.length, head.length);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  };
  const render = () => {
    const comma = usesDecimalComma(ctx.locale());
    const lang = ctx.lang();
    const caret = input.selectionStart ?? input.value.length;
    const before = input.value.slice(0, caret);
    const name = typedName(before)?.toUpperCase() ?? "";
    items = name.length >= 2 ? CUSTOM_FUNCTIONS.filter((s) => s.name.startsWith(name)) : [];
    box.replaceChildren();
    if (items.length > 0) {
      active = Math.min(active, items.length - 1);
      items.forEach((spec, i) => {
        const row = h(
          "div",
          {
            class: i === active ? "fx-item fx-active" : "fx-item",
            "data-testid": "formula-suggestion",
            "data-name": spec.name,
          },
          signatureNode(spec, comma, -1),
          h("div", { class: "fx-title" }, `${spec.title[lang]} — ${spec.formula[lang]}`),
        );
        row.addEventListener("mousedown", (e) => {
          e.preventDefault();
          accept(spec);
        });
        box.append(row);
      });
    } else {
      const call = openCall(before);
      const spec = call && CUSTOM_FUNCTIONS.find((s) => s.name === call.name);
      if (!spec || !call) return close();
      box.append(
        h(
          "div",
          { class: "fx-help", "data-testid": "formula-arg-help" },
          signatureNode(spec, comma, call.arg),
          h("div", { class: "fx-title" }, spec.title[lang]),
        ),
      );
    }
    box.hidden = false;
    place();
  };

  input.addEventListener("input", () => {
    active = 0;
    render();
  });
  input.addEventListener("keydown", (e) => {
    if (box.hidden || items.length === 0) {
      if (e.key === "Escape" || e.key === "Enter" || e.key === "Tab") close();
      return;
    }
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      active = (active + (e.key === "ArrowDown" ? 1 : items.length - 1)) % items.length;
      render();
    } else if (e.key === "Enter" || e.key === "Tab") {
      accept(items[active] as CustomFunctionSpec);
    } else if (e.key === "Escape") {
      close();
    } else return;
    e.preventDefault();
    e.stopImmediatePropagation();
  });
  input.addEventListener("blur", close);
  return () => {
    close();
    box.remove();
  };
}
