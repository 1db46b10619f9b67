/**
 * Form fields with their label, help and inline error wired for screen readers
 * (label/for, aria-describedby, aria-invalid). A Form collects them by key so the wizard can
 * show the errors of a step next to their fields and focus the first one.
 */
import { type Attrs, h, uid } from "./dom.ts";

export interface FieldParts {
  wrapper: HTMLElement;
  control: HTMLElement;
  error: HTMLElement;
}

export class Form {
  private readonly fields = new Map<string, FieldParts>();

  register(key: string, parts: FieldParts): void {
    this.fields.set(key, parts);
  }

  /** Shows each error beside its field and clears the others; returns the first invalid control. */
  showErrors(errors: readonly { field: string; message: string }[]): HTMLElement | null {
    let first: HTMLElement | null = null;
    for (const [key, parts] of this.fields) {
      const error = errors.find((e) => e.field === key);
      setError(parts, error?.message ?? null);
      if (error && !first) first = parts.control;
    }
    return first;
  }

  /** Updates one field only: used while typing, once a field already shows an error. */
  refresh(key: string, errors: readonly { field: string; message: string }[]): void {
    const parts = this.fields.get(key);
    if (!parts || parts.error.hidden) return;
    setError(parts, errors.find((e) => e.field === key)?.message ?? null);
  }
}

function setError(parts: FieldParts, message: string | null): void {
  parts.error.textContent = message ?? "";
  parts.error.hidden = message === null;
  parts.wrapper.classList.toggle("invalid", message !== null);
  if (message === null) parts.control.removeAttribute("aria-invalid");
  else parts.control.setAttribute("aria-invalid", "true");
}

export interface FieldOptions {
  label: string;
  help?: string | Node;
  optional?: string;
  /** Extra nodes shown between the control and the error (match flags, buttons). */
  extra?: Node | null;
}

/** A labelled field around `control`. */
export function field(
  form: Form,
  key: string,
  control: HTMLElement,
  options: FieldOptions,
): HTMLElement {
  const id = control.id || uid("f");
  control.id = id;
  control.dataset.key ??= key;
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const error = h("p", { class: "field-error", id: errorId, hidden: true });
  const help = options.help ? h("div", { class: "field-help", id: helpId }, options.help) : null;
  control.setAttribute("aria-describedby", [help ? helpId : "", errorId].join(" ").trim());
  const label = h(
    "label",
    { for: id, class: "field-label" },
    options.label,
    options.optional ? h("span", { class: "optional" }, ` (${options.optional})`) : null,
  );
  const wrapper = h("div", { class: "field" }, label, control, help, options.extra ?? null, error);
  form.register(key, { wrapper, control, error });
  return wrapper;
}

export function textInput(attrs: Attrs): HTMLInputElement {
  return h("input", { type: "text", class: "input", autocomplete: "off", ...attrs });
}

export function selectInput(
  attrs: Attrs,
  options: readonly { value: string; label: string; disabled?: boolean }[],
  selected: string,
): HTMLSelectElement {
  const select = h("select", { class: "input", ...attrs });
  for (const o of options) {
    select.append(
      h(
        "option",
        { value: o.value, disabled: o.disabled === true, selected: o.value === selected },
        o.label,
      ),
    );
  }
  // The browser keeps the first option when none is marked; make the model's value win.
  select.value = selected;
  return select;
}

/** A fieldset of radio buttons: arrow keys move between them, as in any native group. */
export function radioGroup(
  form: Form,
  key: string,
  legend: string,
  name: string,
  options: readonly { value: string; label: string }[],
  selected: string,
  onChange: (value: string) => void,
): HTMLElement {
  const error = h("p", { class: "field-error", id: uid("err"), hidden: true });
  const radios = options.map((o) => {
    const id = uid(name);
    const input = h("input", {
      type: "radio",
      id,
      name,
      value: o.value,
      checked: o.value === selected,
      "data-key": `${key}:${o.value}`,
      onchange: () => onChange(o.value),
    });
    return h("div", { class: "radio" }, input, h("label", { for: id }, o.label));
  });
  const fieldset = h(
    "fieldset",
    { class: "field radios", "aria-describedby": error.id },
    h("legend", { class: "field-label" }, legend),
    ...radios,
    error,
  );
  const first = fieldset.querySelector("input") as HTMLInputElement;
  form.register(key, { wrapper: fieldset, control: first, error });
  return fieldset;
}
