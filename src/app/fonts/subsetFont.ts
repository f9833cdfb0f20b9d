import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { GlyphFont, SubsetSource } from './GlyphFont.js';

const require = createRequire(import.meta.url);

/** The raw exports of harfbuzzjs' `harfbuzz-subset.wasm` that subsetting uses (HarfBuzz's C API). */
interface HbSubsetExports {
  readonly memory: WebAssembly.Memory;
  _initialize(): void;
  malloc(n: number): number;
  hb_blob_create(ptr: number, len: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, lenPtr: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, v: number): void;
  hb_set_clear(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_get_flags(input: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_READONLY = 1;
const SETS_DROP_TABLE_TAG = 3;
const SETS_LAYOUT_FEATURE_TAG = 6;
const FLAG_NO_HINTING = 0x1;
/** Layout tables are dropped: chart and page labels are measured without kerning or ligatures (ShapedFont). */
const DROP_TABLES = ['vhea', 'vmtx', 'VORG', 'DSIG', 'GSUB', 'GPOS', 'GDEF', 'kern', 'morx', 'BASE', 'JSTF'];
const tag = (s: string) => ((s.charCodeAt(0) << 24) | (s.charCodeAt(1) << 16) | (s.charCodeAt(2) << 8) | s.charCodeAt(3)) >>> 0;

let wasm: HbSubsetExports | null = null;
/** Faces already copied into the wasm heap, by source key (a 7 MB font is copied once per process). */
const faces = new Map<string, number>();

function hbSubset(): HbSubsetExports {
  if (!wasm) {
    const bytes = readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'));
    wasm = new WebAssembly.Instance(new WebAssembly.Module(bytes), {}).exports as unknown as HbSubsetExports;
    wasm._initialize();
  }
  return wasm;
}

function faceOf(w: HbSubsetExports, source: SubsetSource): number {
  let face = faces.get(source.key);
  if (face === undefined) {
    const ptr = w.malloc(source.bytes.byteLength);
    new Uint8Array(w.memory.buffer).set(source.bytes, ptr);
    const blob = w.hb_blob_create(ptr, source.bytes.byteLength, HB_MEMORY_MODE_READONLY, 0, 0);
    face = w.hb_face_create(blob, 0);
    w.hb_blob_destroy(blob);
    faces.set(source.key, face);
  }
  return face;
}

/**
 * A TrueType subset of `font` holding the glyphs of `text` (HarfBuzz's hb-subset, the subsetter behind
 * Google Fonts): no hinting, no vertical metrics and no layout tables (text is measured without kerning or
 * ligatures, so a browser shapes the subset exactly as it was measured in the full font). A few KB for a chart's labels instead of the 7 MB font.
 * @throws Error when HarfBuzz refuses the font.
 * @example subsetFont(notoSansHk, '聯想集團0123456789') // Uint8Array, a valid .ttf
 */
export function subsetFont(font: GlyphFont, text: string): Uint8Array {
  const w = hbSubset();
  const face = faceOf(w, font.subsetSource(text));
  const input = w.hb_subset_input_create_or_fail();
  if (input === 0) throw new Error('hb_subset_input_create_or_fail failed');
  try {
    w.hb_set_clear(w.hb_subset_input_set(input, SETS_LAYOUT_FEATURE_TAG));
    const drop = w.hb_subset_input_set(input, SETS_DROP_TABLE_TAG);
    for (const t of DROP_TABLES) w.hb_set_add(drop, tag(t));
    w.hb_subset_input_set_flags(input, w.hb_subset_input_get_flags(input) | FLAG_NO_HINTING);
    const unicodes = w.hb_subset_input_unicode_set(input);
    for (const ch of new Set(text)) w.hb_set_add(unicodes, ch.codePointAt(0) as number);
    const result = w.hb_subset_or_fail(face, input);
    if (result === 0) throw new Error(`hb_subset_or_fail failed for ${font.path}`);
    const blob = w.hb_face_reference_blob(result);
    const off = w.hb_blob_get_data(blob, 0);
    const out = new Uint8Array(w.memory.buffer).slice(off, off + w.hb_blob_get_length(blob));
    w.hb_blob_destroy(blob);
    w.hb_face_destroy(result);
    return out;
  } finally {
    w.hb_subset_input_destroy(input);
  }
}
