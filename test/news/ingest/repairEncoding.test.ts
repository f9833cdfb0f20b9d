import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { repairEncoding } from '../../../src/news/repair/repairEncoding.js';
import { repairText } from '../../../src/news/repair/repairText.js';
import { textBadness } from '../../../src/news/repair/textBadness.js';

describe('repairEncoding: a run is replaced only when the badness score drops (issue 17)', () => {
  it('never touches correct text that merely decodes as UTF-8', () => {
    // É® = C9 AE would decode to "ɮ"; é NBSP » = E9 A0 BB to "頻"; é NBSP — = E9 A0 97 to "頗" (the old repair did all three)
    for (const s of ['NESTLÉ® requiere personal', 'un été\u00a0» chaud', 'Café\u00a0— Rally', 'NESTLÉ’s', '“CAFÉ”', 'Brontë…”', '5×£35', 'AHÅ™']) {
      expect(repairEncoding(s)).toEqual({ text: s, steps: [] });
    }
    expect(textBadness('NESTLÉ® été\u00a0» 恒生指數 It’s 5% up — ok')).toBe(0);
  });
  it('repairs a closing quote whose last byte was lost (â€ + U+FFFD) and à whose no-break space became a space', () => {
    // ” is E2 80 9D; 0x9D is undefined in Windows-1252, so a strict decoder gave U+FFFD
    expect(repairEncoding('â€œlossyâ€\ufffd end').text).toBe('“lossy” end');
    // à is C3 A0; A0 read as a no-break space, then collapsed to a space
    expect(repairEncoding('voilÃ .').text).toBe('voilà.');
    expect(repairEncoding('GÃ idhlig').text).toBe('Gàidhlig');
    expect(repairEncoding("jusqu'Ã nos jours").text).toBe("jusqu'à nos jours");
    expect(repairEncoding('Ã s 19h').text).toBe('às 19h');
  });
  it('maps C1 controls (Windows-1252 punctuation read as Latin-1) to their characters', () => {
    // 0x93 0x94 0x85 in Windows-1252 are “ ” …; read as Latin-1 they are the invisible U+0093 U+0094 U+0085
    const r = repairEncoding('\u0093Rally\u0094 continues\u0085');
    expect(r.text).toBe('“Rally” continues…');
    expect(r.steps.map((s) => s.what)).toEqual(['C1 control read as windows-1252', 'C1 control read as windows-1252', 'C1 control read as windows-1252']);
  });
  it('explains every change: what, from, to and the badness before and after', () => {
    expect(repairEncoding('Rally â€” Update').steps).toEqual([
      { what: 'utf-8 read as windows-1252 (whole text)', from: 'Rally â€” Update', to: 'Rally — Update', badnessBefore: 2, badnessAfter: 0 },
    ]);
    // mixed text: the Chinese is genuine, so the whole text cannot be re-read; the run alone is repaired
    expect(repairEncoding('恒生 Itâ€™s').steps).toEqual([{ what: 'utf-8 read as windows-1252', from: 'â€™', to: '’', badnessBefore: 2, badnessAfter: 0 }]);
  });
  it('repairs the seed title and CJK mojibake next to genuine CJK', () => {
    expect(repairEncoding('DeepSeek Breakthrough Fuels Rally in Chinese Tech Stocks â€” Update').text)
      .toBe('DeepSeek Breakthrough Fuels Rally in Chinese Tech Stocks — Update');
    expect(repairEncoding('恒生 ä¸­æ–‡').text).toBe('恒生 中文');
  });
});

describe('UTF-8 read as Windows-1251 (Cyrillic mojibake)', () => {
  const cp1251 = new TextDecoder('windows-1251');
  const moj1251 = (t: string) => cp1251.decode(new TextEncoder().encode(t));
  it('repairs Russian and punctuation read as Windows-1251, leaves real Russian alone', () => {
    // П = D0 9F -> "Рџ", р = D1 80 -> "СЂ"; ’ = E2 80 99 -> "вЂ™"
    expect(repairEncoding('РџСЂРёРІРµС‚').text).toBe('Привет');
    expect(repairEncoding("La région se trouve à lвЂ™ouest").text).toBe('La région se trouve à l’ouest');
    for (const t of ['Привет, мир! Всё «хорошо» — РЖД, СССР, №5', 'Сбербанк России', 'ПАО «Газпром» сообщило', 'оператор «МТС» и «ЦЕНТР»']) expect(repairEncoding(t).text).toBe(t);
  });
  it('property: random Russian text, guillemets included, is never changed', () => {
    // the repair of Windows-1251 mojibake is partial (a lone capital read as "РЁ" (Ш) may stay), its safety is not
    const alphabet = fc.constantFrom(...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ .,—«»№'.split(''));
    fc.assert(fc.property(fc.array(alphabet, { minLength: 1, maxLength: 30 }).map((a) => a.join('')), (t) => {
      expect(repairEncoding(t).text).toBe(t);
    }), { numRuns: 3000, seed: 1251 });
    expect(repairEncoding(moj1251('Привет, мир — спасибо')).text).toBe('Привет, мир — спасибо');
  });
});

describe('repairText (news repair)', () => {
  it('by default decodes references once, repairs, straightens quotes and normalises whitespace', () => {
    expect(repairText('  Caf&eacute; â€œupâ€\u009d &amp;amp;  x ').text).toBe('Café "up" &amp; x');
  });
  it('--only encoding changes nothing but the encoding', () => {
    expect(repairText('  Caf&eacute; â€œupâ€\u009d  “x” ', { only: 'encoding' }).text).toBe('  Caf&eacute; “up”  “x” ');
  });
});
