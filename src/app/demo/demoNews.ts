import type { IndexSession } from '../../domain/indexLevel.js';
import type { Security } from '../../domain/security.js';

/** One demo article, Markdown with front matter in the RTHK corpus layout. */
export interface DemoArticle {
  readonly fileName: string;
  readonly text: string;
}

const LABEL = 'SIMULATED NEWS written by Indexwire for its demo market; no real company or event is described.';

/**
 * A few short articles about the simulated market's session `s`: the two biggest movers by |change| and the
 * index. They are written from the engine's numbers only and labelled simulated in the title, the source and
 * the body. Published at 12:30 Hong Kong time (the lunch break) on the session date.
 */
export function demoNews(indexName: string, s: IndexSession, securities: ReadonlyMap<string, Security>): DemoArticle[] {
  const movers = [...s.constituents].filter((c) => !c.stale).sort((a, b) => Math.abs(b.change) - Math.abs(a.change)).slice(0, 2);
  const at = `${s.date}T16:05:00+08:00`;
  const pct = (x: number): string => `${Math.abs(x * 100).toFixed(1)} percent`;
  const out: DemoArticle[] = movers.map((c, i) => {
    const name = securities.get(c.symbol)?.name ?? c.symbol;
    const sector = String(securities.get(c.symbol)?.attributes?.sector ?? 'technology');
    const dir = c.change >= 0 ? 'jumps' : 'slides';
    const body =
      `${name} ${c.change >= 0 ? 'closed up' : 'closed down'} ${pct(c.change)} on the day after the company ` +
      `${c.change >= 0 ? 'announced a new contract in its ' + sector + ' business' : 'warned of weaker demand in its ' + sector + ' business'}, ` +
      `according to a simulated company statement.\n\n${LABEL}`;
    return article(`${s.date}-demo-${i + 1}.md`, `[Simulated] ${name} ${dir} on ${sector} news`, at, body, c.symbol);
  });
  const up = s.previousLevel !== null && s.level >= s.previousLevel;
  out.push(
    article(
      `${s.date}-demo-index.md`,
      `[Simulated] ${indexName} ${up ? 'closes higher' : 'closes lower'}`,
      at,
      `The ${indexName} ${up ? 'closed higher' : 'closed lower'} on the day, with the biggest moves in ${movers
        .map((c) => securities.get(c.symbol)?.name ?? c.symbol)
        .join(' and ')}.\n\n${LABEL}`,
      'index',
    ),
  );
  return out;
}

function article(fileName: string, title: string, date: string, body: string, tag: string): DemoArticle {
  const text = [
    '---',
    `title: ${JSON.stringify(title)}`,
    `date: ${date}`,
    'source: Indexwire demo (simulated)',
    `url: https://example.invalid/indexwire-demo/${encodeURIComponent(fileName.replace(/\.md$/, ''))}`,
    'language: en',
    'category: simulated',
    `tags: [simulated, ${JSON.stringify(tag)}]`,
    '---',
    '',
    body,
    '',
  ].join('\n');
  return { fileName, text };
}

/** A security master (data/securities.yaml layout) for the simulated market, so the news links to it. */
export function demoSecurityMasterYaml(indexCode: string, indexName: string, indexNameZhHant: string, securities: readonly Security[], indexFirstSession?: string): string {
  const lines = ['# SIMULATED security master of the Indexwire demo market (written by `npm start`).', 'securities:'];
  lines.push(`  - id: ${indexCode}`, '    kind: index', `    name: ${JSON.stringify(indexName)}`, `    zhHant: ${JSON.stringify(indexNameZhHant)}`, `    aliases: [${JSON.stringify(indexName)}]`);
  // the engine computes the index from its base date: its level file covers its whole history ("record" is true)
  if (indexFirstSession !== undefined) lines.push(`    firstSession: "${indexFirstSession}"`);
  for (const s of securities) {
    lines.push(`  - id: ${s.id}`, '    kind: stock', `    name: ${JSON.stringify(s.name)}`);
    if (s.nameZhHant) lines.push(`    zhHant: ${JSON.stringify(s.nameZhHant)}`);
  }
  return `${lines.join('\n')}\n`;
}
