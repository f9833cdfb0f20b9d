import { parseHTML } from 'linkedom';
import { formatNumber } from '../../core/format.js';
import type { Story, StoryInput } from '../../domain/story.js';
import { contributionChartSvg } from '../../stories/charts/contributionChartSvg.js';
import { indexChartSvg, type ChartLevel } from '../../stories/charts/indexChartSvg.js';

export interface StoryCharts {
  /** The index (or stock) with its reference lines; also the thumbnail. */
  readonly indexSvg: string;
  /** Point contributions of the members; null when the engine gave none. */
  readonly contributionSvg: string | null;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const short = (d: string) => `${MONTHS[Number(d.slice(5, 7)) - 1]} ${Number(d.slice(8, 10))}, ${d.slice(0, 4)}`;

/**
 * Draws a story's charts from its input and ledger (labels use the ledger's unrounded values, formatted once):
 * the closes of the trailing 52 weeks (extended back to the regime reference) with the reference low or
 * high, the 20% threshold line and the 52-week high; and the point contributions when known.
 * @throws Error when the story has no bars to draw.
 */
export function storyCharts(input: StoryInput, story: Story): StoryCharts {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const entry = (id: string) => story.ledger.entries.find((e) => e.id === id);
  const levels: ChartLevel[] = [];
  const refDate = entry('regime.ref_date');
  const fromRef = entry('regime.pct_from_ref');
  const thr = entry('regime.threshold_pct');
  let from = addDaysIso(input.date, -364);
  if (refDate && fromRef && thr) {
    const refValue = Number(fromRef.inputs?.['reference']);
    const d = refDate.source.session;
    const bull = fromRef.value > 0;
    levels.push({ label: `${bull ? 'low' : 'high'} ${short(d)}: ${formatNumber(refValue, 2)}`, value: refValue, color: bull ? '#2e7d32' : '#c0392b' });
    const line = refValue * (1 + (bull ? thr.value : -thr.value) / 100);
    levels.push({ label: `${bull ? '+' : '-'}${thr.value}%: ${formatNumber(line, 2)}`, value: line, color: bull ? '#2e7d32' : '#c0392b', dashed: true });
    if (d < from) from = d;
  }
  const high = entry('context.high.pct');
  if (high && high.inputs) {
    levels.push({ label: `52w high ${short(String(high.inputs['highSession']))}: ${formatNumber(Number(high.inputs['high']), 2)}`, value: Number(high.inputs['high']), color: '#7f8c8d' });
  }
  const bars = input.bars.filter((b) => b.date >= from);
  const indexSvg = indexChartSvg({ title: `${input.names.en}, close to ${input.date}`, bars, levels, markDate: input.date }, document);
  const contrib = (input.members ?? []).filter((m) => m.contributionPoints !== null);
  const contributionSvg =
    contrib.length === 0
      ? null
      : contributionChartSvg(input.contributionSource?.replica ? `Points added in replica ${input.contributionSource.code}, ${input.date}` : `Points added to the index, ${input.date}`, contrib.map((m) => ({ label: m.names.en, points: m.contributionPoints as number })), document);
  return { indexSvg, contributionSvg };
}

function addDaysIso(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
