import type { SessionDate } from '../../core/units.js';
import type { FactLedger, LedgerEntry } from '../../domain/story.js';

/**
 * Collects the ledger entries of one story. Every number the templates print goes through `add`,
 * which returns the entry so the renderer formats exactly the value it recorded.
 * @example new LedgerBuilder('HSTECH', d).add({id: 'close', kind: 'level', value: 5150.35, dp: 2, source})
 */
export class LedgerBuilder {
  private readonly byId = new Map<string, LedgerEntry>();

  constructor(
    readonly symbol: string,
    readonly date: SessionDate,
  ) {}

  /**
   * Records an entry; adding the same id twice returns the first (both languages share entries).
   * @throws TypeError when the value is not finite.
   */
  add(entry: LedgerEntry): LedgerEntry {
    const have = this.byId.get(entry.id);
    if (have) return have;
    if (!Number.isFinite(entry.value)) throw new TypeError(`ledger ${entry.id}: value is not finite (${entry.value})`);
    this.byId.set(entry.id, entry);
    return entry;
  }

  /** Records a calendar date so its year, month and day may appear in the text. */
  addDate(id: string, date: string, series: string, computation: string): LedgerEntry {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    return this.add({
      id,
      kind: 'date',
      value: y * 10000 + m * 100 + d,
      dp: 0,
      dateParts: [y, m, d],
      source: { series, session: date, field: 'date', computation },
    });
  }

  get(id: string): LedgerEntry | undefined {
    return this.byId.get(id);
  }

  build(): FactLedger {
    return { symbol: this.symbol, date: this.date, entries: [...this.byId.values()] };
  }
}
