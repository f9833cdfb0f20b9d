import { CP1252_HIGH } from './cp1252.js';
import { textBadness } from './textBadness.js';

/** One change the encoding repair made, so a change to text is always explained. */
export interface RepairStep {
  /** 'utf-8 read as windows-1252' | 'utf-8 read as windows-1252, last byte lost' | 'C1 control read as windows-1252'. */
  readonly what: string;
  /** Text before and after (the run that changed). */
  readonly from: string;
  readonly to: string;
  /** Badness score of the run with one character of context each side, before and after (textBadness). */
  readonly badnessBefore: number;
  readonly badnessAfter: number;
}

export interface RepairResult {
  readonly text: string;
  /** What was changed, in order; empty when the text was left as it was. */
  readonly steps: readonly RepairStep[];
}

/** Unicode code point -> the byte it came from, for both Windows-1252 and Latin-1 readings. */
const BYTE_OF = new Map<number, number>();
for (let b = 0x80; b <= 0xff; b++) BYTE_OF.set(b, b);
CP1252_HIGH.forEach((cp, i) => BYTE_OF.set(cp, 0x80 + i));

/** Windows-1251 (Cyrillic): code point -> byte, for UTF-8 read as Windows-1251 ("вЂ™" for ’, "РџСЂ" for Пр). */
const BYTE_OF_1251 = new Map<number, number>();
{
  const d = new TextDecoder('windows-1251');
  for (let b = 0x80; b <= 0xff; b++) {
    const cp = d.decode(Uint8Array.of(b)).charCodeAt(0);
    if (cp !== 0xfffd) BYTE_OF_1251.set(cp, b);
  }
}

const contByte = (cp: number | undefined): number | null => {
  if (cp === undefined) return null;
  const b = BYTE_OF.get(cp);
  return b !== undefined && b >= 0x80 && b <= 0xbf ? b : null;
};
/** Characters of context each side of a candidate when its badness is measured. */
const CONTEXT = 2;
const utf8 = new TextDecoder('utf-8', { fatal: true });
/** Quick test: text without a possible lead byte look-alike or C1 control needs no work. */
const SUSPECT = /[\u0080-\u009f\u00c2-\u00f4]/;

interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly to: string;
  readonly what: string;
}

/**
 * Repairs text whose UTF-8 bytes were decoded as Windows-1252 or Latin-1 (once or twice), sequence by sequence,
 * and only where the result is clearly more plausible: a candidate (a lead byte look-alike and its continuation
 * bytes, e.g. "â€”") is replaced only when the badness score (textBadness) of the run with one character of
 * context each side goes down. A run that merely decodes ("NESTLÉ®" would give "NESTLɮ", "été »" would give
 * "ét頻") is left alone. Lost bytes: "â€" + U+FFFD is a closing quote (its 0x9D is undefined in cp1252), and
 * "Ã" + a plain space is "à" (its 0xA0 became a space). Remaining C1 controls (Windows-1252 punctuation read as
 * Latin-1: U+0093) become their Windows-1252 characters. Up to 6 passes (each: the whole text, then
 * sequence by sequence) undo double and triple encoding.
 * @example repairEncoding('Rally â€” Update').text // 'Rally — Update'
 * @example repairEncoding('NESTLÉ® été »').steps.length // 0
 * @throws never.
 */
export function repairEncoding(text: string): RepairResult {
  if (!SUSPECT.test(text) && !CP1251_SUSPECT.test(text)) return { text, steps: [] };
  const steps: RepairStep[] = [];
  let out = text;
  for (let pass = 0; pass < 6; pass++) {
    const next = repairPass(wholeText(out, steps), steps);
    if (next === out) break;
    out = next;
  }
  if (/[\u0080-\u009f]/.test(out)) {
    out = out.replace(/[\u0080-\u009f]/g, (c) => {
      const to = String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c.charCodeAt(0));
      if (to !== c) steps.push({ what: 'C1 control read as windows-1252', from: c, to, badnessBefore: 3, badnessAfter: 0 });
      return to;
    });
  }
  return { text: out, steps };
}

/**
 * The whole text re-read at once (as ftfy does first): every character mapped back to its Windows-1252 or Latin-1
 * byte and the bytes decoded as UTF-8; kept only if that is valid and the badness of the whole text goes down.
 * This settles double encoding that sequence-by-sequence passes cannot ("Ã¢Å’Â£" for ⌣).
 */
function wholeText(s: string, steps: RepairStep[]): string {
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const cp = s.charCodeAt(i);
    const b = cp < 0x80 ? cp : BYTE_OF.get(cp);
    if (b === undefined) return s;
    bytes[i] = b;
  }
  let to: string;
  try {
    to = utf8.decode(bytes);
  } catch {
    return s;
  }
  const b0 = textBadness(s);
  if (to === s || b0 === 0) return s;
  const b1 = textBadness(to);
  if (b1 >= b0) return s;
  steps.push({ what: 'utf-8 read as windows-1252 (whole text)', from: s, to, badnessBefore: b0, badnessAfter: b1 });
  return to;
}

function repairPass(s: string, steps: RepairStep[]): string {
  const cands: Candidate[] = [];
  const cyrillic = CP1251_SUSPECT.test(s);
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    const c = ch >= 0xc2 && ch <= 0xf4 ? candidateAt(s, i, ch) : cyrillic ? candidate1251(s, i) : null;
    if (c) {
      cands.push(c);
      i = c.end - 1;
    }
  }
  if (cands.length === 0) return s;
  // adjacent candidates are judged together first ("ç§‘é˜¿" is 科阿 only if both change: each alone would leave
  // a CJK character touching mojibake), then one by one
  const accepted: Candidate[] = [];
  for (let g = 0; g < cands.length;) {
    let h = g + 1;
    while (h < cands.length && cands[h]!.start === cands[h - 1]!.end) h++;
    const group = cands.slice(g, h);
    if (group.length > 1 && judge(s, group, steps)) accepted.push(...group);
    else for (const c of group) if (judge(s, [c], steps)) accepted.push(c);
    g = h;
  }
  let out = '';
  let at = 0;
  for (const c of accepted) {
    out += s.slice(at, c.start) + c.to;
    at = c.end;
  }
  return at === 0 ? s : out + s.slice(at);
}

/** Whether replacing `group` (adjacent candidates) lowers the badness of its text and CONTEXT characters each side; records the step. */
function judge(s: string, group: readonly Candidate[], steps: RepairStep[]): boolean {
  const start = group[0]!.start, end = group[group.length - 1]!.end;
  const lo = Math.max(0, start - CONTEXT), hi = Math.min(s.length, end + CONTEXT);
  const to = group.map((c) => c.to).join('');
  const b0 = textBadness(s.slice(lo, hi));
  if (b0 === 0) return false;
  const b1 = textBadness(s.slice(lo, start) + to + s.slice(end, hi));
  if (b1 >= b0) return false;
  steps.push({ what: group[0]!.what, from: s.slice(start, end), to, badnessBefore: b0, badnessAfter: b1 });
  return true;
}

/**
 * "Ã" + a plain space: "à" whose A0 byte became a space (kept only if the badness says so). Inside a word
 * ("voilÃ .") the space was the A0; before a word ("Ã perturber", "jusqu'Ã nos") a space is kept; "Ã s" before a
 * space is Portuguese "às".
 */
function lostNoBreakSpace(s: string, i: number): Candidate {
  const what = 'utf-8 read as windows-1252, no-break space lost';
  if (s[i + 2] === 's' && (i + 3 === s.length || /[\s.,;!?]/.test(s[i + 3] ?? ''))) return { start: i, end: i + 3, to: 'às', what };
  // the space was the A0 after a capital ("GÃ idhlig"), before a non-letter ("voilÃ ."), or before another space;
  // before a word it stands for the A0 and a space that were collapsed ("voilÃ le", "Ã perturber")
  const consumed = /[A-Z]/.test(s[i - 1] ?? '') || !/[a-z\u00e0-\u00ff]/.test(s[i + 2] ?? '');
  return { start: i, end: i + 2, to: consumed ? 'à' : 'à ', what };
}

/** Text that may hold UTF-8 read as Windows-1251: a Cyrillic Р/С or в before a 1251 symbol look-alike. */
const CP1251_SUSPECT = /[\u0420\u0421\u0432][\u0402\u0403\u201a\u0453\u201e\u2026\u2020\u2021\u20ac\u2030\u0409\u2039\u040a\u040c\u040b\u040f\u0452\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u2122\u0459\u203a\u045a\u045c\u045b\u045f\u00a0\u040e\u045e\u0408\u00a4\u0490\u00a6\u00a7\u0401\u00a9\u0404\u00ab\u00ac\u00ad\u00ae\u0407\u00b0\u00b1\u0406\u0456\u0491\u00b5\u00b6\u00b7\u0451\u2116\u0454\u00bb\u0458\u0405\u0455\u0457]/;

/** The UTF-8 sequence spelled by Windows-1251 characters at `i` (a Cyrillic letter as the lead byte), or null. */
function candidate1251(s: string, i: number): Candidate | null {
  const lead = BYTE_OF_1251.get(s.charCodeAt(i));
  if (lead === undefined || lead < 0xc2 || lead > 0xf4) return null;
  const n = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : 1;
  const bytes = [lead];
  for (let k = 1; k <= n; k++) {
    const b = BYTE_OF_1251.get(s.charCodeAt(i + k));
    if (b === undefined || b < 0x80 || b > 0xbf) return null;
    bytes.push(b);
  }
  try {
    return { start: i, end: i + n + 1, to: utf8.decode(Uint8Array.from(bytes)), what: 'utf-8 read as windows-1251' };
  } catch {
    return null;
  }
}

/** The UTF-8 sequence whose lead byte look-alike is at `i`, decoded, or null. */
function candidateAt(s: string, i: number, lead: number): Candidate | null {
  const n = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : 1;
  const bytes = [lead];
  let what = 'utf-8 read as windows-1252';
  for (let k = 1; k <= n; k++) {
    const b = contByte(s.codePointAt(i + k));
    if (b !== null) {
      bytes.push(b);
      continue;
    }
    const ch = s[i + k];
    if (lead === 0xe2 && k === 2 && bytes[1] === 0x80 && ch === '\ufffd') {
      bytes.push(0x9d); // the only byte of the five cp1252 leaves undefined that follows E2 80 in common text: ”
      what = 'utf-8 read as windows-1252, last byte lost';
      continue;
    }
    if (lead === 0xc3 && k === 1 && ch === ' ') return lostNoBreakSpace(s, i);
    return null;
  }
  try {
    return { start: i, end: i + n + 1, to: utf8.decode(Uint8Array.from(bytes)), what };
  } catch {
    return null;
  }
}
