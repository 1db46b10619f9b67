// vitest globalSetup for suites that load dist/: they test the bundle as built from this tree.
import { buildAll } from "../dev/build.ts";

export async function setup(): Promise<void> {
  await buildAll();
}
