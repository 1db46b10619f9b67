/**
 * One server computation the page keeps in step with the user's choices: the latest request is
 * the only one whose answer counts (answers to older ones arriving late are dropped), the same
 * request is not sent twice, and typing can delay it so a call is not made per keystroke.
 */
import { call, messageOf } from "./rpc.ts";

export type LoadStatus = "idle" | "loading" | "ready" | "error";

export interface Loader<Req, Res> {
  readonly status: LoadStatus;
  /** The last answer received, kept while a newer request loads; see `dataKey`. */
  readonly data: Res | null;
  /** The key of the request `data` answers. */
  readonly dataKey: string;
  /** The key of the latest request (the one `status` and `error` are about); "" when none. */
  readonly key: string;
  readonly error: string;
  /** Asks for `request` after `delay` ms; null means there is nothing to ask. */
  request(request: Req | null, delay?: number): void;
  /** Resolves once nothing is loading; a request waiting for its delay is sent at once. */
  settled(): Promise<void>;
}

export function keyOf(request: unknown): string {
  return JSON.stringify(request);
}

export function createLoader<Req, Res>(endpoint: string, onChange: () => void): Loader<Req, Res> {
  let status: LoadStatus = "idle";
  let key = "";
  let data: Res | null = null;
  let dataKey = "";
  let error = "";
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: { request: Req; key: string } | null = null;
  let waiters: Array<() => void> = [];

  const changed = () => {
    onChange();
    if (status !== "loading") {
      const done = waiters;
      waiters = [];
      for (const resolve of done) resolve();
    }
  };

  const send = () => {
    clearTimeout(timer);
    const job = pending;
    pending = null;
    if (!job) return;
    call<Res>(endpoint, job.request).then(
      (answer) => {
        if (job.key !== key) return;
        data = answer;
        dataKey = job.key;
        status = "ready";
        changed();
      },
      (failure: unknown) => {
        if (job.key !== key) return;
        status = "error";
        error = messageOf(failure);
        changed();
      },
    );
  };

  return {
    get status() {
      return status;
    },
    get data() {
      return data;
    },
    get dataKey() {
      return dataKey;
    },
    get key() {
      return key;
    },
    get error() {
      return error;
    },
    request(request, delay = 0) {
      if (request === null) {
        clearTimeout(timer);
        pending = null;
        if (status !== "idle" || key !== "") {
          key = "";
          status = "idle";
          changed();
        }
        return;
      }
      const next = keyOf(request);
      // Asked already: nothing to do, unless it failed (asking again is a retry).
      if (next === key && status !== "error") return;
      key = next;
      status = "loading";
      pending = { request, key: next };
      clearTimeout(timer);
      if (delay > 0) timer = setTimeout(send, delay);
      else send();
      changed();
    },
    settled() {
      if (pending) send();
      if (status !== "loading") return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
  };
}
