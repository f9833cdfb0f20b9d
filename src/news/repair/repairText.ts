import { decodeEntities } from './decodeEntities.js';
import { normalizeText } from './normalizeText.js';
import { repairEncoding, type RepairStep } from './repairEncoding.js';

export interface RepairTextOptions {
  /** 'encoding': only the encoding repair (no entity, quote or whitespace change). Default: everything. */
  readonly only?: 'encoding';
}

/**
 * The repair `indexwire news repair` applies, with its plan (each change explained, as ftfy's fix_and_explain):
 * by default HTML character references decoded once, mojibake repaired where the badness score drops
 * (repairEncoding), quotes straightened, Unicode NFC and whitespace normalised (normalizeText);
 * with `only: 'encoding'` just repairEncoding, so every other character is left as it was.
 * @example repairText('Caf&eacute; â€” ok').text // 'Café — ok'
 * @example repairText('â€œhiâ€\u009d  x', { only: 'encoding' }).text // '“hi”  x'
 * @throws never.
 */
export function repairText(text: string, opts: RepairTextOptions = {}): { text: string; steps: RepairStep[] } {
  if (opts.only === 'encoding') {
    const r = repairEncoding(text);
    return { text: r.text, steps: [...r.steps] };
  }
  const steps: RepairStep[] = [];
  const decoded = decodeEntities(text);
  if (decoded !== text) steps.push({ what: 'HTML character references decoded', from: text.slice(0, 60), to: decoded.slice(0, 60), badnessBefore: 0, badnessAfter: 0 });
  const r = repairEncoding(decoded);
  steps.push(...r.steps);
  const out = normalizeText(r.text);
  if (out !== r.text) steps.push({ what: 'quotes, Unicode form and whitespace normalised', from: r.text.slice(0, 60), to: out.slice(0, 60), badnessBefore: 0, badnessAfter: 0 });
  return { text: out, steps };
}
