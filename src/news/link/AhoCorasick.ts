/**
 * Folds one UTF-16 code unit for matching: ASCII capitals to lower case, every whitespace (tab, new line,
 * no-break space, ideographic space) to a plain space. One unit in, one unit out, so offsets never shift.
 */
export function foldCode(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if (c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x3000) return 32;
  return c;
}

/** A match: pattern index and the end offset (exclusive) in UTF-16 code units; start = end - pattern length. */
export type MatchCallback = (patternIndex: number, end: number) => void;

/**
 * A multi-pattern automaton (Aho-Corasick 1975) over UTF-16 code units, built once, one pass per text.
 * Patterns and text are folded with `foldCode` (case and whitespace insensitive); callers that need exact case
 * compare the original slice. ASCII transitions are a complete table (a DFA: 128 entries per node), the root has a
 * dense table for every code unit, and other transitions are small maps walked with failure links.
 * @example new AhoCorasick(['he', 'she']).findAll('ushers') // [[1, 4], [0, 4]]
 * @throws RangeError when a pattern is empty.
 */
export class AhoCorasick {
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  /** Patterns ending at each node, own and inherited through failure links. */
  private readonly out: number[][] = [[]];
  private readonly rootTable = new Int32Array(65536);
  /**
   * Transitions for ASCII (after folding), 128 per node, each stored as target + 1 and filled on first use (0: not
   * yet known): ASCII text never walks failure links twice, and building the automaton does not pay for the
   * 128 x nodes cells (about 640,000 for the security master's 1,165 names) that a few articles never reach.
   */
  private ascii = new Int32Array(0);
  readonly lengths: readonly number[];

  constructor(patterns: readonly string[]) {
    this.lengths = patterns.map((p) => p.length);
    patterns.forEach((p, i) => {
      if (p.length === 0) throw new RangeError(`pattern ${i} is empty`);
      let node = 0;
      for (let k = 0; k < p.length; k++) {
        const c = foldCode(p.charCodeAt(k));
        let to = this.next[node]!.get(c);
        if (to === undefined) {
          to = this.next.length;
          this.next.push(new Map());
          this.fail.push(0);
          this.out.push([]);
          this.next[node]!.set(c, to);
        }
        node = to;
      }
      this.out[node]!.push(i);
    });
    this.buildFailureLinks();
  }

  private buildFailureLinks(): void {
    const queue: number[] = [];
    for (const [c, child] of this.next[0]!) {
      this.rootTable[c] = child;
      queue.push(child);
    }
    for (let qi = 0; qi < queue.length; qi++) {
      const node = queue[qi]!;
      for (const [c, child] of this.next[node]!) {
        queue.push(child);
        let f = this.fail[node]!;
        while (f !== 0 && !this.next[f]!.has(c)) f = this.fail[f]!;
        const target = f === 0 ? this.rootTable[c]! : this.next[f]!.get(c)!;
        this.fail[child] = target === child ? 0 : target;
        const inherited = this.out[this.fail[child]!]!;
        if (inherited.length > 0) this.out[child] = [...this.out[child]!, ...inherited];
      }
    }
    const ascii = new Int32Array(this.next.length * 128);
    for (let c = 0; c < 128; c++) ascii[c] = this.rootTable[c]! + 1;
    this.ascii = ascii;
  }

  /** The ASCII transition of `node` on `c` (< 128): its child, else its failure target's transition (shallower). */
  private asciiStep(node: number, c: number): number {
    const at = node * 128 + c;
    let to = this.ascii[at]! - 1;
    if (to < 0) {
      to = this.next[node]!.get(c) ?? this.asciiStep(this.fail[node]!, c);
      this.ascii[at] = to + 1;
    }
    return to;
  }

  /** Calls `onMatch` for every occurrence of every pattern, in order of end offset. */
  scan(text: string, onMatch: MatchCallback): void {
    let node = 0;
    const next = this.next, fail = this.fail, out = this.out, root = this.rootTable, ascii = this.ascii;
    for (let i = 0; i < text.length; i++) {
      const c = foldCode(text.charCodeAt(i));
      if (c < 128) {
        const to = ascii[node * 128 + c]! - 1;
        node = to >= 0 ? to : this.asciiStep(node, c);
        const hits = out[node]!;
        for (let h = 0; h < hits.length; h++) onMatch(hits[h]!, i + 1);
        continue;
      }
      for (;;) {
        if (node === 0) {
          node = root[c]!;
          break;
        }
        const to = next[node]!.get(c);
        if (to !== undefined) {
          node = to;
          break;
        }
        node = fail[node]!;
      }
      const hits = out[node]!;
      for (let h = 0; h < hits.length; h++) onMatch(hits[h]!, i + 1);
    }
  }

  /** Every match as `[patternIndex, end]` (for tests and small inputs). */
  findAll(text: string): [number, number][] {
    const r: [number, number][] = [];
    this.scan(text, (p, end) => r.push([p, end]));
    return r;
  }
}
