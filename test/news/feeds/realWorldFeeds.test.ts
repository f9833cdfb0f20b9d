import { describe, expect, it } from 'vitest';
import { buildArticle, buildArticleReport } from '../../../src/news/parse/buildArticle.js';
import { parseFeedXml } from '../../../src/sources/feeds/parseFeedXml.js';
import { parseText } from '../../../src/sources/newsFiles/readNewsFile.js';
import { decodeNewsBytes } from '../../../src/sources/newsFiles/decodeNewsBytes.js';

// Issue 17: each failure seen on real feeds, as a small feed of our own.
const build = (raw: Parameters<typeof buildArticle>[0]) => buildArticle(raw, { assumeZone: 'UTC' });
const rss = (items: string, channel = '<title>Wire</title><link>https://wire.example/</link>') =>
  `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>${channel}\n${items}\n</channel></rss>`;
const item = (title: string, extra = '') => `<item><title>${title}</title><link>https://wire.example/${encodeURIComponent(title).slice(0, 20)}</link>` +
  `<pubDate>Fri, 07 Feb 2025 16:30:00 +0800</pubDate>${extra}</item>`;

describe('one valid Atom feature or one slip no longer loses the feed', () => {
  it('an Atom title of type="xhtml" is read as its text, and the ordinary entries beside it are kept', async () => {
    const xml = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Desk <b>news</b></div></title>
<entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Tencent <i>up</i> 3%</div></title><link href="https://a.example/1"/><id>1</id><updated>2025-02-07T08:00:00Z</updated></entry>
<entry><title>Plain entry</title><link href="https://a.example/2"/><id>2</id><updated>2025-02-07T09:00:00Z</updated></entry></feed>`;
    const feed = await parseFeedXml(xml, 'x.atom');
    expect([feed.version, feed.title, feed.warnings]).toEqual(['atom 1.0', 'Desk news', []]);
    expect(feed.items.map((i) => build(i).title)).toEqual(['Tencent up 3%', 'Plain entry']);
    expect(build(feed.items[0]!).source).toBe('Desk news');
  });
  it('RSS 1.0 with a prefixed rss:channel and rss:item', async () => {
    const xml = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:rss="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<rss:channel rdf:about="https://r.example/"><rss:title>RDF Wire</rss:title><rss:link>https://r.example/</rss:link></rss:channel>
<rss:item rdf:about="https://r.example/1"><rss:title>Hang Seng up</rss:title><rss:link>https://r.example/1</rss:link><dc:date>2025-02-07T16:00:00+08:00</dc:date></rss:item></rdf:RDF>`;
    const feed = await parseFeedXml(xml, 'r.rdf');
    expect(feed.version).toBe('rss 1.0');
    const a = build(feed.items[0]!);
    expect([a.title, a.url, a.source, a.publishedAt]).toEqual(['Hang Seng up', 'https://r.example/1', 'RDF Wire', '2025-02-07T16:00:00+08:00']);
  });
  it.each([
    ['a bare & in a title and a link', rss(item('AT&T up', '<description>x</description>').replace('</link>', '?a=1&b=2</link>')), 'AT&T up', /not well-formed/],
    ['an unknown entity', rss(item('Caf&eacute; &nbsp;opens')), 'Café opens', /undefined entity/],
    ['a download cut off before </rss>', rss(item('First') + item('Second')).slice(0, -40), 'First', /line \d+/],
    ['a PHP warning before <?xml', `<b>Warning</b>: Undefined index in feed.php on line 3\n${rss(item('After the warning'))}`, 'After the warning', /line/],
    ['an <rss> without version', rss(item('No version')).replace(' version="2.0"', '').replace('<channel>', '<channel>&'), 'No version', /line/],
  ])('%s: every item is kept, with a warning naming the line', async (_what, xml, title, why) => {
    const feed = await parseFeedXml(xml, 'f.xml');
    expect(build(feed.items[0]!).title).toBe(title);
    expect(feed.warnings).toHaveLength(1);
    expect(feed.warnings[0]).toMatch(/^line \d+: not well-formed XML \(.*\): read with the forgiving parser, \d item\(s\) kept$/);
    expect(feed.warnings[0]).toMatch(why);
  });
  it('the cut-off feed keeps both items it has, the first with its link and date', async () => {
    const feed = await parseFeedXml(rss(item('First') + item('Second')).slice(0, -40), 'cut.xml');
    expect(feed.items.map((i) => [i.title, i.url, i.dateText])).toEqual([
      ['First', 'https://wire.example/First', 'Fri, 07 Feb 2025 16:30:00 +0800'],
      ['Second', 'https://wire.example/Second', 'Fri, 07 Feb 2025 16:30:00'], // the download stopped inside its date
    ]);
  });
  it('XXE and entity bombs are never expanded: the entities stay as text, nothing is loaded', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${rss(item('leak &xxe; here')).replace(/^<\?xml[^>]*>/, '')}`;
    const xxeFeed = await parseFeedXml(xxe, 'xxe.xml');
    expect(xxeFeed.items[0]!.title).toBe('leak &xxe; here');
    const lols = Array.from({ length: 9 }, (_, k) => `<!ENTITY lol${k + 1} "${`&lol${k};`.repeat(10)}">`).join('');
    const bomb = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol0 "lol">${lols}]>${rss(item('&lol9;')).replace(/^<\?xml[^>]*>/, '')}`;
    const t0 = performance.now();
    const bombFeed = await parseFeedXml(bomb, 'bomb.xml');
    expect(bombFeed.items[0]!.title).toBe('&lol9;'); // 10^9 "lol"s if it were expanded
    expect(performance.now() - t0).toBeLessThan(2000); // a guard against expansion, not a speed test
  });
});

describe('titles keep their words; stored text is plain or sanitised', () => {
  it('inline markup in an RSS title becomes its text; escaped brackets in an Atom type="text" title stay text', async () => {
    const feed = await parseFeedXml(rss(item('Big <b>news</b> today')), 'b.xml');
    expect(build(feed.items[0]!).title).toBe('Big news today');
    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title type="text">History of the &lt;blink&gt; tag</title>
<link href="https://a.example/b"/><id>b</id><published>2025-02-07T08:00:00Z</published></entry></feed>`;
    expect(build((await parseFeedXml(atom, 'a.atom')).items[0]!).title).toBe('History of the <blink> tag');
  });
  it('an RSS title wholly inside markup whose content a body drops is read as its text (issue 15: was "title missing")', async () => {
    const titles: [string, string][] = [
      ['<![CDATA[<b><button>Kingdee jumps 14.5%</button></b>]]>', 'Kingdee jumps 14.5%'],
      ['<![CDATA[<p><noscript>Kingdee jumps 14.5%</noscript></p>]]>', 'Kingdee jumps 14.5%'],
      ['<b><title>Kingdee jumps 14.5%</title></b>', 'Kingdee jumps 14.5%'], // inline XML children
      ['<![CDATA[<svg><text>Kingdee jumps 14.5%</text></svg>]]>', 'Kingdee jumps 14.5%'],
      ['<![CDATA[<i><select><option>Kingdee</option></select> <textarea>jumps</textarea></i>]]>', 'Kingdee jumps'],
      // text outside such elements: as before, the dropped content stays dropped (no change to a correct title)
      ['<![CDATA[<b>Kingdee jumps</b><noscript>(enable JavaScript)</noscript>]]>', 'Kingdee jumps'],
    ];
    for (const [raw, want] of titles) {
      const feed = await parseFeedXml(rss(item(raw)), 't.xml');
      expect(build(feed.items[0]!).title, raw).toBe(want);
    }
    // code is never a title: a title of only a script is still refused
    const code = await parseFeedXml(rss(item('<![CDATA[<p><script>alert(1)</script></p>]]>')), 's.xml');
    expect(() => build(code.items[0]!)).toThrow('field "title": missing or empty');
  });
  it('the feed title never carries active markup into Article.source', async () => {
    const feed = await parseFeedXml(rss(item('x'), '<title>Evil &lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt; Wire</title>'), 'e.xml');
    const a = build(feed.items[0]!);
    expect(a.source).toBe('Evil Wire');
    expect(a.source).not.toMatch(/script|onerror|</);
  });
  it('an RSS title Caf&eacute;&nbsp;&mdash; is decoded once and never "repaired" into Chinese', async () => {
    // é NBSP — is E9 A0 97 as bytes, which decodes as UTF-8 to 頗: the old repair stored "Caf頗"
    const feed = await parseFeedXml(rss(item('Caf&amp;eacute;&amp;nbsp;&amp;mdash; Rally')), 'c.xml');
    expect(build(feed.items[0]!).title).toBe('Café — Rally');
  });
});

describe('charsets: Hong Kong and other legacy encodings are decoded, not stored as mojibake', () => {
  const withDecl = (enc: string, title: string) => rss(item(title)).replace('encoding="utf-8"', `encoding="${enc}"`);
  const readBytes = async (bytes: Uint8Array, declared?: string) => {
    const d = decodeNewsBytes(bytes, declared);
    if (!d.ok) throw new Error(d.reason);
    return { d, feed: await parseText(d.text, 'feed', 'f.xml') };
  };
  it('Big5-HKSCS declared as big5: 恒生指數 and the HKSCS character 𨋢 (lift)', async () => {
    // Big5-HKSCS: 恒 F9DA, 生 A5CD, 指 ABFC, 數 BCC6; 𨋢 (U+282E2, HKSCS) 9DF2
    const head = Buffer.from(withDecl('big5', 'TITLE').split('TITLE')[0]!);
    const tail = Buffer.from(withDecl('big5', 'TITLE').split('TITLE')[1]!);
    const bytes = Buffer.concat([head, Buffer.from('f9daa5cdabfcbcc6209df2', 'hex'), tail]);
    const { d, feed } = await readBytes(bytes);
    expect([d.encoding, d.reason]).toEqual(['big5-hkscs', 'XML declaration']);
    expect(feed.raws[0]!.title).toBe('恒生指數 𨋢');
  });
  it('GB18030 without any declaration is detected (chardet); declared gb2312 is read as GB18030', async () => {
    // GB18030: 中 D6D0, 文 CEC4, 新 D0C2, 闻 CEC5; read as Windows-1252 these bytes were "ÖÐÎÄÐÂÎÅ"
    const gb = Buffer.from('d6d0cec4d0c2cec5', 'hex');
    const long = Buffer.concat(Array.from({ length: 6 }, () => gb));
    const [head, tail] = rss(item('TITLE')).split('TITLE') as [string, string];
    const plain = await readBytes(Buffer.concat([Buffer.from(head), long, Buffer.from(tail)]));
    expect(plain.d.encoding).toBe('gb18030');
    expect(plain.d.reason).toMatch(/^detected \(chardet, confidence \d+%\)$/);
    expect(plain.feed.raws[0]!.title).toBe('中文新闻'.repeat(6));
    const [h2, t2] = withDecl('gb2312', 'TITLE').split('TITLE') as [string, string];
    const declared = await readBytes(Buffer.concat([Buffer.from(h2), gb, Buffer.from(t2)]));
    expect([declared.d.encoding, declared.feed.raws[0]!.title]).toEqual(['gb18030', '中文新闻']);
  });
  it('UTF-16 with a byte-order mark, and UTF-16BE without one ("<?" as 00 3C 00 3F), are read, not refused as binary', async () => {
    const text = withDecl('utf-16', '恒生 UTF-16');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(text, 'utf16le').swap16();
    for (const [bytes, enc, why] of [[le, 'utf-16le', 'byte-order mark'], [be, 'utf-16be', 'XML declaration']] as const) {
      const { d, feed } = await readBytes(bytes);
      expect([d.encoding, d.reason, feed.raws[0]!.title]).toEqual([enc, why, '恒生 UTF-16']);
    }
  });
  it('Shift_JIS, EUC-KR and KOI8-R declared in the XML declaration', async () => {
    // ニュース in Shift_JIS 836A 8385 815B 8358; 뉴스 in EUC-KR B4BA BDBA; Новости in KOI8-R EE CF D7 CF D3 D4 C9
    for (const [enc, hex, want] of [['shift_jis', '836a8385815b8358', 'ニュース'], ['euc-kr', 'b4babdba', '뉴스'], ['koi8-r', 'eecfd7cfd3d4c9', 'Новости']] as const) {
      const [h, t] = withDecl(enc, 'TITLE').split('TITLE') as [string, string];
      const { feed } = await readBytes(Buffer.concat([Buffer.from(h), Buffer.from(hex, 'hex'), Buffer.from(t)]));
      expect(feed.raws[0]!.title).toBe(want);
    }
  });
  it('an HTML article whose charset is only in <meta>', async () => {
    const page = (body: string) => `<html><head><meta charset="big5"><meta property="article:published_time" content="2025-02-07T10:00:00+08:00">` +
      `<title>TITLE</title></head><body><article><h1>TITLE</h1><p>${body}</p></article></body></html>`;
    const text = 'The Hang Seng Index rose 1.2 percent on Friday as technology shares extended their rally for a third session. '.repeat(4);
    const parts = page(text).split('TITLE').map((p) => Buffer.from(p));
    const big5 = Buffer.from('f9daa5cdabfcbcc6', 'hex'); // 恒生指數 in Big5-HKSCS
    const bytes = Buffer.concat([parts[0]!, big5, parts[1]!, big5, parts[2]!]);
    const d = decodeNewsBytes(bytes);
    expect(d.ok && [d.encoding, d.reason]).toEqual(['big5-hkscs', 'HTML meta']);
    const r = await parseText(d.ok ? d.text : '', 'html', 'p.html');
    expect(build(r.raws[0]!).title).toBe('恒生指數');
  });
  it('one invalid byte is repaired alone, with a warning; the genuine UTF-8 around it is kept (issue 15)', () => {
    // "café — 恒生" in UTF-8, then a lone 0xE9 (Latin-1 é) on line 2
    const bytes = Buffer.concat([Buffer.from('café — 恒生\nline '), Buffer.from([0xe9]), Buffer.from(' ok')]);
    const d = decodeNewsBytes(bytes);
    expect(d.ok && [d.text, d.encoding, d.warnings]).toEqual(['café — 恒生\nline é ok', 'utf-8', ['1 invalid UTF-8 sequence(s) read as Windows-1252 (first at line 2)']]);
  });
});

describe('dates and links', () => {
  const atom03 = (entry: string) => `<?xml version="1.0"?><feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old Atom</title>
<link rel="alternate" href="https://old.example/"/><entry><title>E</title>${entry}</entry></feed>`;
  it('Atom 0.3 issued, created and modified are read (issued first, modified last)', async () => {
    const t = async (e: string) => (await parseFeedXml(atom03(e), 'o.atom')).items[0]!.dateText;
    expect(await t('<modified>2025-02-07T10:00:00Z</modified><issued>2025-02-07T08:00:00Z</issued>')).toBe('2025-02-07T08:00:00Z');
    expect(await t('<created>2025-02-06T08:00:00Z</created>')).toBe('2025-02-06T08:00:00Z');
    expect(await t('<modified>2025-02-07T10:00:00Z</modified>')).toBe('2025-02-07T10:00:00Z');
  });
  it('dcterms created, issued and modified are read', async () => {
    const ns = 'xmlns:dcterms="http://purl.org/dc/terms/"';
    for (const tag of ['created', 'issued', 'modified']) {
      const xml = rss(`<item><title>D</title><link>https://w.example/d</link><dcterms:${tag}>2025-02-07T10:00:00+08:00</dcterms:${tag}></item>`).replace('<rss ', `<rss ${ns} `);
      expect((await parseFeedXml(xml, 'd.xml')).items[0]!.dateText).toBe('2025-02-07T10:00:00+08:00');
    }
  });
  it('several <updated>: the last one', async () => {
    const xml = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title>U</title><id>u</id>
<updated>2025-02-07T08:00:00Z</updated><updated>2025-02-07T09:30:00Z</updated></entry></feed>`;
    expect((await parseFeedXml(xml, 'u.atom')).items[0]!.dateText).toBe('2025-02-07T09:30:00Z');
  });
  it('a wrong weekday keeps the date with a warning (1 January 2010 was a Friday)', async () => {
    const feed = await parseFeedXml(rss('<item><title>W</title><link>https://w.example/w</link><pubDate>Sat, 01 Jan 2010 10:00:00 GMT</pubDate></item>'), 'w.xml');
    const r = buildArticleReport(feed.items[0]!, { assumeZone: 'UTC' });
    expect(r.article.publishedAt).toBe('2010-01-01T10:00:00Z');
    expect(r.article.publishedAtText).toBe('Sat, 01 Jan 2010 10:00:00 GMT');
    expect(r.warnings).toEqual(['w.xml#item1: field "date": weekday "Sat" does not match 2010-01-01; the date was kept']);
  });
  it('relative links resolve against xml:base, else the feed link', async () => {
    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://base.example/news/"><title>T</title>
<entry xml:base="2025/"><title>A</title><link href="a.html"/><id>a</id><updated>2025-02-07T08:00:00Z</updated></entry>
<entry><title>B</title><link href="/b.html"/><id>b</id><updated>2025-02-07T08:00:00Z</updated></entry></feed>`;
    expect((await parseFeedXml(atom, 'x.atom')).items.map((i) => i.url)).toEqual(['https://base.example/news/2025/a.html', 'https://base.example/b.html']);
    const r = rss('<item><title>R</title><link>/rel/1?a=1&amp;b=2</link><pubDate>Fri, 07 Feb 2025 16:30:00 +0800</pubDate></item>');
    expect((await parseFeedXml(r, 'r.xml')).items[0]!.url).toBe('https://wire.example/rel/1?a=1&b=2');
  });
});

describe('one item cannot sink a feed', () => {
  it('a title longer than 500 characters refuses that item only, with the limit named', async () => {
    const feed = await parseFeedXml(rss(item('x'.repeat(600)) + item('Fine')), 'l.xml');
    expect(() => build(feed.items[0]!)).toThrow(/field "title": value "x{80}" 600 characters \(limit 500\): not a headline/);
    expect(build(feed.items[1]!).title).toBe('Fine');
  });
});
