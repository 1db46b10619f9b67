import { describe, expect, it } from "vitest";
import { escapeInlineScript, escapeInlineStyle } from "../../dev/build-sidebar.ts";

describe("inlining escapes", () => {
  it("keeps </script> and <!-- inside code from ending the element", () => {
    const code = 'const a = "</script><!-- x";';
    const escaped = escapeInlineScript(code);
    expect(escaped).not.toMatch(/<\/script/i);
    expect(escaped).not.toContain("<!--");
    // Still the same JavaScript value.
    expect(new Function(`${escaped}; return a;`)()).toBe("</script><!-- x");
  });

  it("escapes </style> in CSS", () => {
    expect(escapeInlineStyle('a::after{content:"</style>"}')).not.toMatch(/<\/style/i);
  });
});
