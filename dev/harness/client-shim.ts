/**
 * A stand-in for the `google.script` client API inside the sidebar page, relaying
 * `google.script.run.fn(args)` as `POST <endpoint> {name, args}` to the real bundle on the
 * emulator. Used by the browser tests and the playground alike.
 */

/** Browser-side source; kept as a function so it is type-checked, then serialised. */
function installGoogleScriptShim(endpoint: string): void {
  type Handler = (value: unknown, userObject?: unknown) => void;
  const makeRunner = (success?: Handler, failure?: Handler, userObject?: unknown): unknown =>
    new Proxy(
      {},
      {
        get(_target, prop) {
          if (prop === "withSuccessHandler")
            return (h: Handler) => makeRunner(h, failure, userObject);
          if (prop === "withFailureHandler")
            return (h: Handler) => makeRunner(success, h, userObject);
          if (prop === "withUserObject") return (u: unknown) => makeRunner(success, failure, u);
          if (typeof prop !== "string") return undefined;
          return (...args: unknown[]) => {
            fetch(endpoint, {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify({ name: prop, args }),
            })
              .then((response) => response.json())
              .then((reply: { ok: boolean; value?: unknown; error?: { message: string } }) => {
                if (reply.ok) success?.(reply.value ?? null, userObject);
                else {
                  const error = new Error(reply.error?.message ?? "Unknown server error");
                  if (failure) failure(error, userObject);
                  else console.error(`google.script.run.${prop} failed:`, error.message);
                }
              })
              .catch((error: unknown) => {
                const e = error instanceof Error ? error : new Error(String(error));
                if (failure) failure(e, userObject);
                else console.error(`google.script.run.${prop} failed:`, e.message);
              });
          };
        },
      },
    );
  const post = (message: Record<string, unknown>) => window.parent?.postMessage(message, "*");
  (window as unknown as { google: unknown }).google = {
    script: {
      run: makeRunner(),
      host: {
        close: () => post({ type: "gas-host-close" }),
        setHeight: () => undefined,
        setWidth: () => undefined,
        editor: { focus: () => post({ type: "gas-host-focus" }) },
      },
    },
  };
}

/** The shim as a `<script>` element to place before the page's own scripts. */
export function googleScriptShimTag(endpoint: string): string {
  return `<script>(${installGoogleScriptShim.toString()})(${JSON.stringify(endpoint)});</script>`;
}

/** Injects the shim at the start of `<head>` (or of the document). */
export function injectGoogleScriptShim(html: string, endpoint: string): string {
  const tag = googleScriptShimTag(endpoint);
  const head = /<head[^>]*>/i.exec(html);
  if (!head) return tag + html;
  const at = head.index + head[0].length;
  return html.slice(0, at) + tag + html.slice(at);
}
