import { describe, expect, it } from 'vitest';
import { buildArticle } from '../../../src/news/parse/buildArticle.js';
import { FormatError } from '../../../src/news/parse/formatError.js';
import { htmlToText } from '../../../src/news/sanitize/htmlToText.js';
import { sanitizeArticleHtml } from '../../../src/news/sanitize/sanitizeArticleHtml.js';
import { fetchNewsUrl } from '../../../src/sources/feeds/fetchNewsUrl.js';
import { parseFeedXml } from '../../../src/sources/feeds/parseFeedXml.js';
import { extractHtmlArticle } from '../../../src/sources/html/extractHtmlArticle.js';

export const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Test Wire</title><link>https://wire.example/</link>
<item><title>Tech stocks rally on AI hopes</title><link>https://wire.example/a1?utm_source=rss#c</link>
<pubDate>Fri, 07 Feb 2025 16:30:00 +0800</pubDate><category>markets</category>
<description><![CDATA[<p>Kingdee jumped 14.5% &amp; Lenovo rose.</p><script>alert(1)</script>]]></description></item>
<item><title>Undated item</title><link>https://wire.example/a2</link><description>no date</description></item>
<item><title>Bad date</title><link>https://wire.example/a3</link><pubDate>not a day</pubDate><description>x</description></item>
</channel></rss>`;

export const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title>
<entry><title>Summary only entry</title><link href="https://atom.example/e1"/><id>urn:e1</id>
<published>2025-02-07T08:01:00-05:00</published><updated>2025-02-07T09:00:00-05:00</updated>
<summary>Hang Seng Tech entered a bull market.</summary></entry>
</feed>`;

describe('parseFeedXml (saxes, then htmlparser2 when not well-formed)', () => {
  it('reads RSS items with their own date text, sanitised HTML and text body, one origin per item', async () => {
    const feed = await parseFeedXml(RSS, 'wire.xml');
    expect(feed.format).toBe('rss');
    expect(feed.items).toHaveLength(3);
    const a = buildArticle(feed.items[0]!, { assumeZone: 'UTC' });
    expect(a.publishedAt).toBe('2025-02-07T16:30:00+08:00');
    expect(a.url).toBe('https://wire.example/a1');
    expect(a.source).toBe('Test Wire');
    expect(a.body).toBe('Kingdee jumped 14.5% & Lenovo rose.');
    expect(a.bodyHtml).toBe('<p>Kingdee jumped 14.5% &amp; Lenovo rose.</p>');
    expect(a.categories).toEqual(['markets']);
    expect(a.origin).toBe('wire.xml#item1');
    expect(feed.items[1]?.dateText).toBeNull();
    expect(() => buildArticle(feed.items[2]!, { assumeZone: 'UTC' })).toThrow(/field "date": value "not a day"/);
  });
  it('reads Atom: published with offset (not rss-parser isoDate), body from <summary>', async () => {
    const feed = await parseFeedXml(ATOM, 'atom.xml');
    expect(feed.format).toBe('atom');
    const a = buildArticle(feed.items[0]!, { assumeZone: 'UTC' });
    expect(a.publishedAt).toBe('2025-02-07T08:01:00-05:00');
    expect(a.publishedMs).toBe(Date.UTC(2025, 1, 7, 13, 1));
    expect(a.body).toBe('Hang Seng Tech entered a bull market.');
    expect(a.url).toBe('https://atom.example/e1');
  });
  it('rejects only the Atom entry with a bad date (rss-parser alone would throw for the whole feed)', async () => {
    const atom = ATOM.replace('</feed>', '<entry><title>bad</title><link href="https://atom.example/e2"/><published>someday</published>' +
      '<summary>y</summary></entry></feed>');
    const feed = await parseFeedXml(atom, 'a.atom');
    expect(feed.items.map((i) => [i.title, i.dateText])).toEqual([['Summary only entry', '2025-02-07T08:01:00-05:00'], ['bad', 'someday']]);
    expect(() => buildArticle(feed.items[1]!, { assumeZone: 'UTC' })).toThrow(/field "date": value "someday"/);
  });
  it('recovers malformed XML with the forgiving reader: the item is kept and a warning names the line', async () => {
    // </titl> does not close <title>: strict XML refuses the document; the forgiving read keeps the item (issue 17)
    const bad = '<?xml version="1.0"?>\n<rss version="2.0"><channel>\n<title>x</title>\n<item><title>a</titl></item></channel></rss>';
    const feed = await parseFeedXml(bad, 'bad.xml');
    expect(feed.items.map((i) => i.title)).toEqual(['a']);
    expect(feed.warnings).toEqual(['line 4: not well-formed XML (unexpected close tag): read with the forgiving parser, 1 item(s) kept']);
  });
  it('refuses a document that is not a feed, naming the root element and its line', async () => {
    await expect(parseFeedXml('<?xml version="1.0"?>\n<html><body>x</body></html>', 'page.xml')).rejects.toBeInstanceOf(FormatError);
    await expect(parseFeedXml('<?xml version="1.0"?>\n<html><body>x</body></html>', 'page.xml')).rejects
      .toThrow('line 2: field "xml": not a feed: an HTML page (expected <rss>, <rdf:RDF> or <feed>)');
  });
});

const PAGE = `<!doctype html><html lang="en"><head>
<title>Kingdee soars | Example News</title>
<meta property="og:title" content="Kingdee soars as DeepSeek lifts software">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2025-02-07T15:20:00+08:00">
<link rel="canonical" href="https://news.example/kingdee?utm_campaign=x">
<script>window.evil = 1</script></head>
<body onload="steal()"><nav>Home | Markets</nav>
<article><h1>Kingdee soars</h1>
<p>Enterprise software maker Kingdee jumped 14.5% on Friday, as investors bet that DeepSeek's AI model would lift demand.</p>
<p onclick="steal()">Analysts at HSBC said the <a href="javascript:alert(1)">rerating</a> could <a href="https://news.example/more" onmouseover="x()">continue</a>.</p>
<iframe src="https://evil.example/frame"></iframe>
<svg onload="alert(1)"><script>alert(2)</script><foreignObject><p>svg text</p></foreignObject></svg>
<p>Software stocks across Hong Kong rose, with the Hang Seng Tech Index up as much as 2.9 percent in the afternoon session.</p>
<img src="x" onerror="alert(3)"><img src="https://news.example/chart.png" alt="chart">
</article><footer>© Example</footer></body></html>`;

describe('extractHtmlArticle (Readability on linkedom) and the sanitiser', () => {
  it('extracts title, date, canonical URL, site and main text; stores only sanitised HTML', () => {
    const raw = extractHtmlArticle(PAGE, 'page.html');
    const a = buildArticle(raw, { assumeZone: 'UTC' });
    expect(a.title).toBe('Kingdee soars as DeepSeek lifts software');
    expect(a.publishedAt).toBe('2025-02-07T15:20:00+08:00');
    expect(a.url).toBe('https://news.example/kingdee');
    expect(a.source).toBe('Example News');
    expect(a.language).toBe('en');
    expect(a.body).toContain('Kingdee jumped 14.5% on Friday');
    expect(a.body).toContain('Analysts at HSBC said the rerating could continue.');
    expect(a.body).not.toMatch(/alert|steal|svg text|Home \| Markets/);
    const html = a.bodyHtml ?? '';
    expect(html).not.toMatch(/<script|<iframe|<svg|onload|onclick|onmouseover|onerror|javascript:|src="x"/i);
    expect(html).toContain('<a href="https://news.example/more" rel="noopener noreferrer nofollow">continue</a>');
    expect(html).toContain('<img src="https://news.example/chart.png" alt="chart" />');
  });
  it('refuses a page without article text', () => {
    expect(() => extractHtmlArticle('<html><body><script>x()</script></body></html>', 'empty.html')).toThrow(/no article text/);
  });
  it('sanitizeArticleHtml removes every active part (sanitize-html, never DOMPurify on linkedom)', () => {
    const hostile = '<p onclick="x()">Hi<script>alert(1)</script></p><a href="javascript:alert(1)">j</a>' +
      '<a href="JaVaScRiPt:alert(1)">k</a><a href="data:text/html,<script>">d</a><iframe src="//e"></iframe>' +
      '<svg><a xlink:href="javascript:alert(1)">s</a></svg><math><mi>m</mi></math><style>p{}</style>' +
      '<form action="//e"><input value="v"></form><object data="x"></object><p style="x" class="y">ok</p>';
    expect(sanitizeArticleHtml(hostile)).toBe('<p>Hi</p><a>j</a><a>k</a><a>d</a><p>ok</p>');
  });
  it('htmlToText keeps paragraph breaks and drops script content', () => {
    expect(htmlToText('<p>A &amp; B</p><p>C<br>D<script>x</script></p>')).toBe('A & B\n\nC\nD\n\n');
  });
});

describe('parseFeedXml categories', () => {
  it('keeps a category written with a domain attribute (rss-parser gives it as { _: text, $: attributes })', async () => {
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>A</title>
<pubDate>Fri, 07 Feb 2025 16:30:00 +0800</pubDate><category domain="https://w.example/c">markets</category><category>tech</category>
<description>x</description></item></channel></rss>`;
    expect((await parseFeedXml(xml, 'c.xml')).items[0]!.categories).toEqual(['markets', 'tech']);
  });
});

describe('parseFeedXml titles', () => {
  it('reads an Atom type="html" title as text, without its markup', async () => {
    // <title type="html">Tencent &lt;b&gt;up&lt;/b&gt;</title> is the HTML "Tencent <b>up</b>": its text is "Tencent up"
    const xml = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>D</title>
<entry><title type="html">Tencent &lt;b&gt;up&lt;/b&gt; 3% &amp;amp; more</title><link href="https://a.example/1"/><id>x</id>
<published>2025-02-07T08:01:00-05:00</published><summary>s</summary></entry></feed>`;
    expect((await parseFeedXml(xml, 'h.atom')).items[0]!.title).toBe('Tencent up 3% & more');
  });
});

describe('fetchNewsUrl content types', () => {
  it('decodes a body in the charset the Content-Type declares (Big5, common on Hong Kong sites)', async () => {
    // "騰訊股價" in Big5 is C4CB B054 AAD1 BBF9 (Python: '騰訊股價'.encode('big5')); read as UTF-8 it is invalid and
    // the Windows-1252 fallback gave "ÄË°TªÑ»ù".
    const big5 = Buffer.from('c4cbb054aad1bbf9', 'hex');
    const page = Buffer.concat([Buffer.from('Title: '), big5, Buffer.from('\nDate: 2025-02-07T10:00:00+08:00\n\nBody text.\n')]);
    const fetchImpl = (async () => new Response(page, { status: 200, headers: { 'content-type': 'text/plain; charset=Big5' } })) as typeof fetch;
    const r = await fetchNewsUrl('https://news.example/big5.txt', { fetchImpl });
    expect(r.raws[0]!.title).toBe('騰訊股價');
  });
  it('reads an application/xhtml+xml page as HTML (the .xhtml extension is HTML too), not as a feed', async () => {
    // "application/xhtml+xml" contains "xml": matched as a feed first, the page was refused as invalid feed XML.
    const fetchImpl = (async () => new Response(PAGE, { status: 200, headers: { 'content-type': 'application/xhtml+xml; charset=utf-8' } })) as typeof fetch;
    const r = await fetchNewsUrl('https://news.example/kingdee', { fetchImpl });
    expect(r.raws.map((x) => x.format)).toEqual(['html']);
    expect(r.raws[0]!.title).toBe('Kingdee soars as DeepSeek lifts software');
  });
});
