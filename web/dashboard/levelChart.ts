import {
  createChart,
  createSeriesMarkers,
  LineSeries,
  type IChartApi,
  type ISeriesApi,
  type ISeriesMarkersPluginApi,
  type SeriesMarker,
  type Time,
} from 'lightweight-charts';
import type { LevelPoint } from '../../src/app/desk/deskService.js';
import type { MilestoneReport } from '../../src/domain/fact.js';
import { factWords } from './i18n.js';

/** The chart's text font: the page's stack, with the self-hosted Noto Sans HK for Chinese markers. */
const CHART_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "PingFang HK", "PingFang TC", "Microsoft JhengHei", "Noto Sans HK", "Noto Sans TC", "Indexwire Noto Sans HK", sans-serif';

/** The index chart: a line of closing levels (lightweight-charts v5) with milestone markers. */
export class LevelChart {
  private readonly chart: IChartApi;
  private readonly series: ISeriesApi<'Line'>;
  private readonly compare: ISeriesApi<'Line'>;
  private readonly markers: ISeriesMarkersPluginApi<Time>;
  private milestoneMarkers: SeriesMarker<Time>[] = [];
  private selected: string | null = null;

  constructor(container: HTMLElement, onPick: (date: string) => void) {
    this.chart = createChart(container, {
      autoSize: true,
      layout: { background: { color: '#ffffff' }, textColor: '#1d2330', attributionLogo: false, fontFamily: CHART_FONT },
      grid: { vertLines: { color: '#f0f2f5' }, horzLines: { color: '#f0f2f5' } },
      rightPriceScale: { borderVisible: false },
      timeScale: { borderVisible: false },
    });
    this.compare = this.chart.addSeries(LineSeries, { color: '#9aa3b2', lineWidth: 1, priceLineVisible: false, lastValueVisible: false });
    this.series = this.chart.addSeries(LineSeries, { color: '#1f5fbf', lineWidth: 2 });
    this.markers = createSeriesMarkers(this.series, []);
    this.chart.subscribeClick((p) => {
      if (typeof p.time === 'string') onPick(p.time);
    });
  }

  setLevels(points: readonly LevelPoint[]): void {
    this.series.setData(points.map((p) => ({ time: p.date as Time, value: p.level })));
    this.chart.timeScale().fitContent();
  }

  /** A second, grey line (the official series a replica tracks); empty to remove it. */
  setCompare(points: readonly LevelPoint[]): void {
    this.compare.setData(points.map((p) => ({ time: p.date as Time, value: p.level })));
  }

  /** One marker per session with facts; the text is the fact types (drawn on canvas, never parsed as HTML). */
  setMilestones(sessions: readonly MilestoneReport[]): void {
    this.milestoneMarkers = sessions.map((s) => {
      const down = (s.changePct ?? 0) < 0;
      return {
        time: s.date as Time,
        position: down ? 'belowBar' : 'aboveBar',
        shape: down ? 'arrowUp' : 'arrowDown',
        color: down ? '#c0262d' : '#0a7f3f',
        text: [...new Set(s.facts.map((f) => factWords(f.type)))].slice(0, 2).join(', '),
      };
    });
    this.drawMarkers();
  }

  /** Dates and numbers on the axes in the reader's locale (`en`, `zh-Hant-HK`). */
  setLanguage(locale: string): void {
    this.chart.applyOptions({ localization: { locale } });
    if (locale === 'en') return;
    // The canvas does not make the browser fetch a web font: load the Chinese face, then draw again with it.
    document.fonts.load('12px "Indexwire Noto Sans HK"', '年月日牛熊市').then(
      () => this.chart.applyOptions({ layout: { fontFamily: CHART_FONT } }),
      () => undefined,
    );
  }

  /** Marks the session shown in the panels (a dot on the line). */
  select(date: string): void {
    this.selected = date;
    this.drawMarkers();
  }

  private drawMarkers(): void {
    const all = [...this.milestoneMarkers];
    if (this.selected !== null) all.push({ time: this.selected as Time, position: 'inBar', shape: 'circle', color: '#1d2330', size: 0.6 });
    all.sort((a, b) => (String(a.time) < String(b.time) ? -1 : String(a.time) > String(b.time) ? 1 : 0)); // markers must be in time order
    this.markers.setMarkers(all);
  }

  /** Updates the last point with a live level (same session) or appends it (new session). */
  updateLive(date: string, level: number): void {
    this.series.update({ time: date as Time, value: level });
  }
}
