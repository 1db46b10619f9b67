/**
 * google.script.run as promises. Every call gets a failure handler, so a server error always
 * reaches the page as a rejected promise with the server's (already localized) message.
 */

interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: Error | string) => void): ScriptRunner;
  [name: string]: unknown;
}

declare const google: { script: { run: ScriptRunner; host: { close(): void } } };

export function call<T>(name: string, ...args: unknown[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as T))
      .withFailureHandler((error) =>
        reject(error instanceof Error ? error : new Error(String(error))),
      );
    const fn = runner[name];
    if (typeof fn !== "function") {
      reject(new Error(`google.script.run.${name} is not available`));
      return;
    }
    (fn as (...a: unknown[]) => void).apply(runner, args);
  });
}

/**
 * The message of a failure as the user should read it. Apps Script may prefix it with the
 * error's name ("Exception: ", "Error: ", "ObjectiveError: "), which means nothing to a user.
 */
export function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/^(?:[A-Z]\w*)?(?:Error|Exception):\s*/, "");
}
