import type { FontStack } from './FontStack.js';
import { fontStackFor } from './chartTypefaces.js';

/** A minimal DOM element as linkedom gives it (only what the walker reads). */
export interface SvgEl {
  readonly tagName: string;
  readonly parentElement: SvgEl | null;
  readonly childNodes: ArrayLike<SvgNode>;
  getAttribute(name: string): string | null;
  textContent: string | null;
}
type SvgNode = SvgEl | { readonly nodeType: number; readonly textContent: string | null };

/** A run of text that starts at one anchor point (a `<text>` or a `<tspan>` with its own x), in local px. */
export interface TextChunk {
  readonly text: string;
  /** The anchor point (start, middle or end of the chunk per `anchor`), local coordinates, baseline y. */
  readonly x: number;
  readonly y: number;
  readonly anchor: 'start' | 'middle' | 'end';
}

/** One `<text>` element with the properties it inherits, resolved as a browser would for these charts. */
export interface SvgTextItem {
  readonly el: SvgEl;
  readonly sizePx: number;
  readonly bold: boolean;
  readonly stack: FontStack;
  readonly chunks: readonly TextChunk[];
}

/** The value of a presentation property on `el` or its nearest ancestor (inline style wins over the attribute). */
export function inheritedProperty(el: SvgEl | null, name: string): string | null {
  for (let e = el; e; e = e.parentElement) {
    const style = e.getAttribute('style');
    if (style) {
      const m = new RegExp(`(?:^|;)\\s*${name}\\s*:\\s*([^;]+)`).exec(style);
      if (m) return (m[1] as string).trim();
    }
    const a = e.getAttribute(name);
    if (a !== null) return a.trim();
  }
  return null;
}

/** A length in px: `12`, `12px`, or `0.32em` (relative to `sizePx`); 0 when absent. */
function length(v: string | null, sizePx: number): number {
  if (v === null || v.trim() === '') return 0;
  const s = v.trim();
  const n = Number.parseFloat(s);
  if (!Number.isFinite(n)) return 0;
  return s.endsWith('em') ? n * sizePx : n;
}

const anchorOf = (v: string | null): TextChunk['anchor'] => (v === 'middle' ? 'middle' : v === 'end' ? 'end' : 'start');

/**
 * Every `<text>` element under `root` with its size, weight, font stack (from the CSS `font-family` it inherits,
 * resolved among the shipped fonts) and its chunks: the element's own x/y/dx/dy and each `<tspan>`'s (a tspan
 * with an `x` starts a new chunk, as Observable Plot's two-line axis labels do). Positions are in the element's
 * local coordinates (before its own `transform`).
 */
export function svgTextItems(root: { querySelectorAll(s: string): ArrayLike<unknown> }): SvgTextItem[] {
  const items: SvgTextItem[] = [];
  const stacks = new Map<string, FontStack>();
  for (const node of Array.from(root.querySelectorAll('text'))) {
    const el = node as SvgEl;
    const sizePx = length(inheritedProperty(el, 'font-size') ?? '16', 16) || 16;
    const weight = inheritedProperty(el, 'font-weight') ?? 'normal';
    const bold = weight === 'bold' || weight === 'bolder' || Number(weight) >= 600;
    const family = inheritedProperty(el, 'font-family') ?? 'sans-serif';
    const key = `${family}|${bold}`;
    let stack = stacks.get(key);
    if (!stack) stacks.set(key, (stack = fontStackFor(family, bold)));
    const chunks: TextChunk[] = [];
    let x = length(el.getAttribute('x'), sizePx) + length(el.getAttribute('dx'), sizePx);
    let y = length(el.getAttribute('y'), sizePx) + length(el.getAttribute('dy'), sizePx);
    let anchor = anchorOf(inheritedProperty(el, 'text-anchor'));
    let cur: { text: string; x: number; y: number; anchor: TextChunk['anchor'] } | null = null;
    const flush = () => {
      if (cur && cur.text !== '') chunks.push(cur);
      cur = null;
    };
    const add = (text: string) => {
      cur ??= { text: '', x, y, anchor };
      cur.text += text;
    };
    for (const child of Array.from(el.childNodes)) {
      if ('tagName' in child && child.tagName.toLowerCase() === 'tspan') {
        const t = child;
        const tx = t.getAttribute('x');
        const ty = t.getAttribute('y');
        if (tx !== null || ty !== null) flush();
        if (tx !== null) x = length(tx, sizePx);
        if (ty !== null) y = length(ty, sizePx);
        x += length(t.getAttribute('dx'), sizePx);
        const dy = length(t.getAttribute('dy'), sizePx);
        if (dy !== 0) flush();
        y += dy;
        anchor = anchorOf(inheritedProperty(t, 'text-anchor'));
        add(t.textContent ?? '');
      } else if (!('tagName' in child) && child.nodeType === 3) {
        add(child.textContent ?? '');
      }
    }
    flush();
    items.push({ el, sizePx, bold, stack, chunks });
  }
  return items;
}
