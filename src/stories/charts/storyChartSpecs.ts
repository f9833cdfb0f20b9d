import type { FactLedger, StoryInput, StoryLang } from '../../domain/story.js';
import { chartLocale, numberFormat } from './chartLocale.js';
import type { ContributionChartOptions } from './contributionChartSvg.js';
import type { ChartLevel, IndexChartOptions } from './indexChartSvg.js';

/** What a story's charts show in one language (the app adds the font and draws them). */
export interface StoryChartSpecs {
  readonly index: Omit<IndexChartOptions, 'font'>;
  /** Null when the engine gave no contributions. */
  readonly contribution: Omit<ContributionChartOptions, 'font'> | null;
}

const GREEN = '#2e7d32';
const RED = '#c0392b';

/**
 * The charts of a story in `lang`, from its input and ledger (labels use the ledger's unrounded values,
 * formatted once): the closes of the trailing 52 weeks (extended back to the regime reference) with the
 * reference low or high, the 20% threshold line and the 52-week high; and the members' point contributions
 * when known, with their names in the story's language (security master `zhHant` for Chinese).
 * @example storyChartSpecs(input, story.ledger, 'zh-Hant').index.title // '恒生科技指數收市走勢（至2025年2月7日）'
 */
export function storyChartSpecs(input: StoryInput, ledger: FactLedger, lang: StoryLang): StoryChartSpecs {
  const loc = chartLocale(lang);
  const nf = numberFormat(loc.numberLocale, 2);
  const entry = (id: string) => ledger.entries.find((e) => e.id === id);
  const levels: ChartLevel[] = [];
  const refDate = entry('regime.ref_date');
  const fromRef = entry('regime.pct_from_ref');
  const thr = entry('regime.threshold_pct');
  let from = addDaysIso(input.date, -364);
  if (refDate && fromRef && thr) {
    const refValue = Number(fromRef.inputs?.['reference']);
    const d = refDate.source.session;
    const bull = fromRef.value > 0;
    levels.push({ label: loc.reference(bull ? 'low' : 'high', loc.date(d), nf.format(refValue)), value: refValue, color: bull ? GREEN : RED });
    const line = refValue * (1 + (bull ? thr.value : -thr.value) / 100);
    levels.push({ label: loc.threshold(`${bull ? '+' : '-'}${thr.value}%`, nf.format(line)), value: line, color: bull ? GREEN : RED, dashed: true });
    if (d < from) from = d;
  }
  const high = entry('context.high.pct');
  if (high && high.inputs) {
    levels.push({ label: loc.high52w(loc.date(String(high.inputs['highSession'])), nf.format(Number(high.inputs['high']))), value: Number(high.inputs['high']), color: '#7f8c8d' });
  }
  const titleDate = lang === 'en' ? input.date : loc.date(input.date);
  const index: StoryChartSpecs['index'] = {
    title: loc.indexTitle(input.names[lang], titleDate),
    bars: input.bars.filter((b) => b.date >= from),
    levels,
    markDate: input.date,
    locale: loc.numberLocale,
    ...(loc.xTick ? { xTickFormat: loc.xTick } : {}),
  };
  const contrib = (input.members ?? []).filter((m) => m.contributionPoints !== null);
  const contribution =
    contrib.length === 0
      ? null
      : {
          title: loc.contributionTitle(titleDate, input.contributionSource?.replica ? input.contributionSource.code : null),
          bars: contrib.map((m) => ({ label: m.names[lang], points: m.contributionPoints as number })),
          axisLabel: loc.pointsAxis,
          locale: loc.numberLocale,
        };
  return { index, contribution };
}

function addDaysIso(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
