import { describe, expect, it } from "vitest";
import { KPIS } from "../../src/kpi/registry/index.ts";

// The wizard's review sentence and suggested objective names read these phrases straight from
// each entry, so a KPI added without them would show a blank where its name belongs.
describe("every registry entry's phrases", () => {
  it.each(KPIS.map((k) => [k.id, k] as const))("%s reads in a sentence in en and fr", (_, kpi) => {
    for (const lang of ["en", "fr"] as const) {
      for (const text of [kpi.phrase[lang], kpi.phraseInName[lang]]) {
        expect(text.trim()).not.toBe("");
        expect(text).toBe(text.trim());
      }
    }
    // Inside a sentence the KPI takes its article; French keeps it in a name too ("Augmenter le
    // taux de conversion"), English drops it ("Raise conversion rate").
    expect(kpi.phrase.en).toMatch(/^the \S/);
    expect(kpi.phrase.fr).toMatch(/^(le |la |les |l')\S/);
    expect(kpi.phraseInName.en).not.toMatch(/^the /);
    expect(kpi.phraseInName.fr).toMatch(/^(le |la |les |l')\S/);
  });
});
