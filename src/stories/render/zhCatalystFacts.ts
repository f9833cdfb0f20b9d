/**
 * The Chinese catalyst's facts (docs/stories.md, "The catalyst, attributed"): for each theme, the Chinese a Hong
 * Kong financial reporter would write, one fact at a time, each filled only when the reported English clause holds
 * every English phrase it `needs` (whole words, case ignored). Nothing is translated word for word and nothing is
 * added: a fact whose words are not in the clause is left out, and a theme with no core fact in the clause falls
 * back to naming the theme (catalystText.ts). The checker (ledger/checkCatalyst.ts) finds every fact's Chinese in
 * the text and checks its `needs` against the recorded clause, which it checks against the article.
 */

/** One way to say a fact: its Chinese and the English phrases of the clause it stands for. */
export interface ZhFact {
  readonly needs: readonly string[];
  readonly zh: string;
}

/** A place in the sentence: the first of its alternatives whose phrases are all in the clause fills it. */
export interface ZhSlot {
  /** A core slot names the theme itself: a sentence needs one filled, context slots only come with it. */
  readonly core: boolean;
  readonly alternatives: readonly ZhFact[];
}

/** Slots in the order of the Chinese sentence, per lexicon theme id (themeLexicon.ts). */
export const ZH_CATALYST_TEMPLATES: Readonly<Record<string, readonly ZhSlot[]>> = {
  deepseek: [
    { core: false, alternatives: [{ needs: ['mainland investors returned', 'week-long break'], zh: '內地投資者結束一周長假後重返市場' }] },
    { core: false, alternatives: [{ needs: ['fresh China-US trade standoff'], zh: '適逢中美再現貿易對峙' }] },
    {
      core: true,
      alternatives: [
        { needs: ['new chatbot', 'launched by mainland startup DeepSeek'], zh: '內地初創企業DeepSeek推出新聊天機械人' },
        { needs: ['chatbot', 'startup DeepSeek'], zh: '初創企業DeepSeek推出聊天機械人' },
      ],
    },
  ],
  tariffs_trade: [
    {
      core: false,
      alternatives: [{ needs: ['financial markets in Hong Kong and across the border dived'], zh: '香港及內地金融市場急挫' }],
    },
    { core: false, alternatives: [{ needs: ['markets around the world crumbled'], zh: '全球市場崩跌' }] },
    {
      core: true,
      alternatives: [
        { needs: ['US President Donald Trump announced sweeping tariffs against trade partners'], zh: '美國總統特朗普宣布向貿易夥伴徵收全面關稅' },
        { needs: ['Trump announced', 'tariffs'], zh: '特朗普宣布徵收關稅' },
      ],
    },
    {
      core: true,
      alternatives: [
        { needs: ['widening global trade war', 'fears', 'deep recession'], zh: '環球貿易戰升級，市場憂慮引發深度經濟衰退' },
        { needs: ['trade war', 'fears', 'recession'], zh: '貿易戰令市場憂慮引發經濟衰退' },
      ],
    },
    {
      core: false,
      alternatives: [
        { needs: ['Hong Kong stocks sank', 'opening trades'], zh: '港股早段下跌' },
        { needs: ['Hong Kong stocks sank'], zh: '港股下跌' },
      ],
    },
  ],
  earnings: [
    {
      core: false,
      alternatives: [
        { needs: ['Hong Kong stocks soared', 'afternoon'], zh: '港股午後急升' },
        { needs: ['Hong Kong stocks soared'], zh: '港股急升' },
      ],
    },
    { core: false, alternatives: [{ needs: ['boosted by a rally in the tech sector'], zh: '科技股造好帶動大市' }] },
    {
      core: true,
      alternatives: [
        { needs: ['e-commerce titan Alibaba piled on', 'forecast-topping earnings'], zh: '電商巨頭阿里巴巴業績勝預期，股價大升' },
        { needs: ['Alibaba', 'forecast-topping earnings'], zh: '阿里巴巴業績勝預期' },
      ],
    },
  ],
};

/** Chinese names of news sources Hong Kong readers know (`RTHK` is `香港電台`); other sources keep their name. */
export const ZH_SOURCE_NAMES: Readonly<Record<string, string>> = { RTHK: '香港電台' };

/** The source's name in Chinese. @example zhSourceName('RTHK') // '香港電台' */
export function zhSourceName(source: string): string {
  return ZH_SOURCE_NAMES[source] ?? source;
}

/** A clause as the ledger records it (Markdown-escaped), back to its words. */
function plain(text: string): string {
  return text.replace(/\\(.)/g, '$1').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** True when `clause` holds `phrase` as whole words, case and runs of spaces ignored. */
export function holdsPhrase(clause: string, phrase: string): boolean {
  const words = phrase.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join('\\s+')}(?![\\p{L}\\p{N}])`, 'iu').test(plain(clause));
}

/** True when the clause holds every phrase the fact needs. */
export function factHolds(fact: ZhFact, clause: string): boolean {
  return fact.needs.every((p) => holdsPhrase(clause, p));
}

/**
 * The Chinese facts the clause holds for the theme, in sentence order, or null when it holds no core fact (then
 * the caller falls back to naming the theme).
 * @example zhCatalystFacts('earnings', 'Hong Kong stocks soared as Alibaba posted forecast-topping earnings.') // ['港股急升', '阿里巴巴業績勝預期']
 */
export function zhCatalystFacts(themeId: string, clause: string): string[] | null {
  const slots = ZH_CATALYST_TEMPLATES[themeId];
  if (!slots) return null;
  const filled = slots.map((s) => ({ core: s.core, fact: s.alternatives.find((f) => factHolds(f, clause)) }));
  if (!filled.some((f) => f.core && f.fact)) return null;
  return filled.flatMap((f) => (f.fact ? [f.fact.zh] : []));
}

/** Every fact of every template, for the checker. */
export function allZhFacts(): ZhFact[] {
  return Object.values(ZH_CATALYST_TEMPLATES).flatMap((slots) => slots.flatMap((s) => s.alternatives));
}
