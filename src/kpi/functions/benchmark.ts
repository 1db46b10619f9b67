/**
 * KPI_BENCHMARK: a published market figure for a KPI, from the cited table beside the registry,
 * or from the user's own table when one is given.
 *
 * The user's table comes in as a range argument rather than being read from a tab by name: a
 * custom function may only read the spreadsheet, and Sheets recomputes it when its arguments
 * change, so a range argument is what keeps the result in step with the user's edits.
 */
import { CHANNELS, type Channel, channelFromText } from "../../contract/advisor.ts";
import { foldText } from "../../contract/i18n.ts";
import { as2D } from "../aggregate.ts";
import { describeValue, kpiError, langOfCtx } from "../cells.ts";
import { KPI_MESSAGES } from "../messages.ts";
import { BENCHMARKS, shippedBenchmarks } from "../registry/benchmarks.ts";
import { KPIS } from "../registry/index.ts";
import type { EngineContext, KpiDefinition } from "../types.ts";
import { argCount, isBlankScalar, required } from "./arguments.ts";
import type { CustomFunctionSpec } from "./spec.ts";

const FN = "KPI_BENCHMARK";

/** Each KPI under its id and its function name, folded: "ctr", "kpi_ctr". */
const KPI_BY_KEY: ReadonlyMap<string, KpiDefinition> = new Map(
  KPIS.flatMap((k) => [
    [k.id, k],
    [foldText(k.functionName), k],
  ]),
);

function memo<T>(f: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    let v = seen.get(text);
    if (v === undefined && !seen.has(text)) {
      v = f(text);
      seen.set(text, v);
    }
    return v as T;
  };
}

/** "ctr", "CTR" or "KPI_CTR" → the KPI. */
function kpiArg(ctx: EngineContext, v: unknown): KpiDefinition {
  const kpi = KPI_BY_KEY.get(foldText(String(v)));
  if (!kpi) {
    throw kpiError(ctx, "unknownKpi", {
      fn: FN,
      value: describeValue(v, langOfCtx(ctx)),
      known: KPIS.map((k) => k.id).join(", "),
    });
  }
  return kpi;
}

function channelArg(ctx: EngineContext, v: unknown): Channel | null {
  if (isBlankScalar(v)) return null;
  const channel = channelFromText(String(v));
  if (!channel) {
    throw kpiError(ctx, "unknownChannel", {
      fn: FN,
      value: describeValue(v, langOfCtx(ctx)),
      known: CHANNELS.join(", "),
    });
  }
  return channel;
}

function textArg(v: unknown): string | null {
  return isBlankScalar(v) ? null : String(v).trim();
}

/**
 * The user's own figure, if their table has one. Rows are KPI, channel, industry, value; a blank
 * channel fits every channel, a blank industry is the all-industries figure; a first row that
 * names no KPI is skipped, so a header row may stay in the range. The first fitting row wins, with a row of the asked channel before
 * a row for every channel.
 */
function ownValue(
  ctx: EngineContext,
  table: unknown,
  kpi: KpiDefinition,
  channel: Channel | null,
  industry: string | null,
): number | null {
  const rows = as2D(table);
  // A long table repeats a few words: fold and look up each distinct text once.
  const kpiOf = memo((text: string) => KPI_BY_KEY.get(foldText(text)) ?? null);
  const industryOf = memo(foldText);
  const channelOf = memo((text: string) => channelFromText(text) ?? foldText(text));
  const wantedIndustry = industry === null ? "" : foldText(industry);
  let anyChannel: number | null = null;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as readonly unknown[];
    const k = row[0];
    if (typeof k !== "string" || kpiOf(k) !== kpi) continue;
    const [c, ind, value] = [row[1], row[2], row[3]];
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw kpiError(ctx, "ownRowBad", {
        fn: FN,
        arg: "own_benchmarks",
        n: i + 1,
        value: describeValue(value ?? "", langOfCtx(ctx)),
      });
    }
    if ((isBlankScalar(ind) ? "" : industryOf(String(ind))) !== wantedIndustry) continue;
    if (isBlankScalar(c)) {
      anyChannel ??= value;
      continue;
    }
    if (channel === null || channelOf(String(c)) === channel) return value;
  }
  return anyChannel;
}

function shippedValue(
  ctx: EngineContext,
  kpi: KpiDefinition,
  channel: Channel | null,
  industry: string | null,
): number {
  const rows = shippedBenchmarks(kpi.id, channel, industry);
  const channels = [...new Set(rows.map((r) => r.channel))];
  if (channel === null && channels.length > 1) {
    throw kpiError(ctx, "severalChannels", { fn: FN, kpi: kpi.id, known: channels.join(", ") });
  }
  const first = rows[0];
  if (first) return first.value;
  const covered = BENCHMARKS.filter((b) => b.kpiId === kpi.id);
  if (covered.length === 0) throw kpiError(ctx, "noBenchmarkAtAll", { fn: FN, kpi: kpi.id });
  const lang = langOfCtx(ctx);
  const where =
    (channel === null ? "" : KPI_MESSAGES.t(lang, "onChannel", { channel })) +
    (industry === null ? "" : KPI_MESSAGES.t(lang, "inIndustry", { industry }));
  const known = [
    ...new Set(covered.map((b) => (b.industry ? `${b.channel} / ${b.industry}` : b.channel))),
  ].join(", ");
  throw kpiError(ctx, "noBenchmark", { fn: FN, kpi: kpi.id, where, known });
}

export const BENCHMARK: CustomFunctionSpec = {
  name: FN,
  title: { en: "Market benchmark", fr: "Référence du marché" },
  formula: {
    en: "a published figure, or your own",
    fr: "un chiffre publié, ou le vôtre",
  },
  doc: {
    en: [
      "A published benchmark for a KPI, in the KPI's unit (a fraction for rates, the source's currency for costs). The figures shipped, with their sources:",
      "",
      "- **Search ads** (`search_ads`), all industries, average: CTR 6.66%, CPC 5.26 USD, conversion rate 7.52% (conversions per ad click), CPA 70.11 USD (cost per lead). WordStream by LocaliQ, *Google Ads Benchmarks 2025*, 16,446 US search campaigns on Google Ads and Microsoft Ads, April 2024 to March 2025. <https://www.wordstream.com/blog/2025-google-ads-benchmarks>",
      "- **E-mail** (`email`), all industries, average: open rate 37.65%, click rate 3.36% (clicks per delivered e-mail; KPI `ctr`). MailerLite, *Email marketing benchmarks for 2023*, over 1 million campaigns sent in 2022. <https://www.mailerlite.com/blog/compare-your-email-performance-metrics-industry-benchmarks>",
      "- **E-mail** by industry, average: Mailchimp, *Email Marketing Benchmarks by Industry*, last updated October 2019 (before Apple Mail Privacy Protection): open 22.71%, click 2.91% for its row “All non-labeled accounts” (users who gave no industry), used here as the no-industry figure; Arts and Artists 26.27%, 2.95%; Beauty and Personal Care 16.65%, 1.92%. <https://mailchimp.com/resources/email-marketing-benchmarks/>",
      "",
      "When several sources fit, the newest answers. Since September 2021 Apple Mail Privacy Protection marks e-mails as opened when they are only downloaded, so open rates after 2021 run higher than before and than what people read: compare click rates where you can.",
      "",
      "`channel` is one of `website`, `search_ads`, `social_ads`, `email`, `social` (or its name in English or French); without it, a KPI benchmarked on several channels is an error. `industry` is the source's own industry name. `own_benchmarks` is a range of your own figures, four columns: KPI id, channel, industry, value (a header row is allowed); a row there that fits wins over the shipped figures, a blank channel fitting every channel. Pass the range (for example a tab `Benchmarks!A2:D50`) rather than naming a tab, so Sheets recomputes the cell when you edit your figures.",
    ].join("\n"),
    fr: [
      "Une référence publiée pour un KPI, dans l'unité du KPI (une fraction pour les taux, la devise de la source pour les coûts). Les chiffres fournis et leurs sources :",
      "",
      "- **Publicité sur les moteurs de recherche** (`search_ads`), tous secteurs, moyenne : CTR 6,66 %, CPC 5,26 USD, taux de conversion 7,52 % (conversions par clic), CPA 70,11 USD (coût par prospect). WordStream by LocaliQ, *Google Ads Benchmarks 2025*, 16 446 campagnes search américaines sur Google Ads et Microsoft Ads, d'avril 2024 à mars 2025.",
      "- **E-mail** (`email`), tous secteurs, moyenne : ouverture 37,65 %, clics 3,36 % (clics par e-mail délivré ; KPI `ctr`). MailerLite, *Email marketing benchmarks for 2023*, plus d'un million de campagnes envoyées en 2022.",
      "- **E-mail** par secteur, moyenne : Mailchimp, *Email Marketing Benchmarks by Industry*, mis à jour en octobre 2019 (avant la protection de la vie privée d'Apple Mail) : ouverture 22,71 %, clics 2,91 % pour sa ligne « All non-labeled accounts » (utilisateurs sans secteur indiqué), prise ici comme chiffre sans secteur ; Arts and Artists 26,27 %, 2,95 % ; Beauty and Personal Care 16,65 %, 1,92 %.",
      "",
      "Quand plusieurs sources conviennent, la plus récente répond. Depuis septembre 2021, la protection de la vie privée d'Apple Mail compte comme ouverts des e-mails seulement téléchargés : les taux d'ouverture postérieurs sont gonflés ; comparez plutôt les taux de clics.",
      "",
      "`channel` vaut `website`, `search_ads`, `social_ads`, `email` ou `social` (ou son nom en anglais ou en français) ; sans lui, un KPI ayant des références sur plusieurs canaux est une erreur. `industry` est le nom du secteur tel que la source l'écrit. `own_benchmarks` est une plage de vos propres chiffres, quatre colonnes : identifiant du KPI, canal, secteur, valeur (une ligne d'en-tête est permise) ; une ligne qui convient y l'emporte sur les chiffres fournis, un canal vide convenant à tous. Passez la plage (par exemple `Références!A2:D50`) plutôt qu'un nom d'onglet, pour que Sheets recalcule la cellule quand vous modifiez vos chiffres.",
    ].join("\n"),
  },
  description:
    "A published benchmark for a KPI: WordStream by LocaliQ 2025 (search ads), MailerLite 2023 and Mailchimp 2019 (e-mail); a range of your own benchmarks overrides them.",
  params: [
    {
      name: "kpi",
      optional: false,
      type: "string",
      description: 'The KPI id, e.g. "ctr", "open_rate", "cpc".',
    },
    {
      name: "channel",
      optional: true,
      type: "string",
      description: '"website", "search_ads", "social_ads", "email" or "social".',
    },
    {
      name: "industry",
      optional: true,
      type: "string",
      description: "The industry as the source names it; blank for all industries.",
    },
    {
      name: "own_benchmarks",
      optional: true,
      type: "Array<Array<string|number>>",
      description: "Your own figures: KPI id, channel, industry, value; they win.",
    },
  ],
  returns: "The benchmark, in the KPI's unit (a fraction for rates).",
  example: '=KPI_BENCHMARK("ctr", "search_ads")',
  examples: [
    { formula: '=KPI_BENCHMARK("ctr", "search_ads")', args: ["ctr", "search_ads"], result: 0.0666 },
    {
      formula: '=KPI_BENCHMARK("open_rate", "email", "Arts and Artists")',
      args: ["open_rate", "email", "Arts and Artists"],
      result: 0.2627,
      note: {
        en: "Mailchimp's figure for that industry (2019, before Apple Mail Privacy Protection).",
        fr: "Le chiffre de Mailchimp pour ce secteur (2019, avant la protection de la vie privée d'Apple Mail).",
      },
    },
    {
      formula: '=KPI_BENCHMARK("ctr", "search_ads", "", A2:D3)',
      args: [
        "ctr",
        "search_ads",
        "",
        [
          ["KPI", "Channel", "Industry", "Value"],
          ["ctr", "search_ads", "", 0.041],
        ],
      ],
      result: 0.041,
      note: {
        en: "Your own table wins over the shipped figure.",
        fr: "Votre propre tableau l'emporte sur le chiffre fourni.",
      },
    },
  ],
  run(ctx, args) {
    argCount(FN, ctx, args, 4);
    const kpi = kpiArg(ctx, required(FN, ctx, args[0], "kpi"));
    const channel = channelArg(ctx, args[1]);
    const industry = textArg(args[2]);
    if (args[3] !== undefined && !isBlankScalar(args[3])) {
      const own = ownValue(ctx, args[3], kpi, channel, industry);
      if (own !== null) return own;
    }
    return shippedValue(ctx, kpi, channel, industry);
  },
};
