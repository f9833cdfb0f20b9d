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
      core: true,
      alternatives: [{ needs: ['Asian and European markets', 'recover', "previous day's tariff-fuelled collapse"], zh: '亞洲及歐洲股市力圖從前一日關稅引發的暴跌中反彈' }],
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

/** A topic the clause names, as a Chinese noun phrase, and the alternatives of English words that stand for it. */
export interface ZhTopic {
  readonly zh: string;
  readonly alternatives: readonly (readonly string[])[];
}

/**
 * Topics per lexicon theme, for a clause that holds none of its theme's template facts (or a theme without a
 * template): the sentence then says what the report mentioned, `香港電台在9月24日有關大市的報道中，提到人民銀行及
 * 刺激經濟措施。`, each topic only when the clause holds all the words of one of its alternatives. A topic's Chinese is
 * never part of a theme's own Chinese name (the sentence names the theme when no topic holds, and the checker
 * looks for every topic's Chinese in it).
 */
export const ZH_CATALYST_TOPICS: Readonly<Record<string, readonly ZhTopic[]>> = {
  stimulus_policy: [
    { zh: '美國聯儲局減息', alternatives: [['Federal Reserve', 'rate cut'], ['Federal Reserve', 'rate cuts']] },
    { zh: '歐洲央行減息', alternatives: [['European Central Bank', 'rate cut'], ['ECB', 'rate cut']] },
    { zh: '人民銀行', alternatives: [["People's Bank of China"], ['PBOC']] },
    { zh: '中央政治局會議', alternatives: [['Politburo']] },
    { zh: '北京的刺激經濟措施', alternatives: [['stimulus measures', 'Beijing'], ['stimulus', 'Beijing']] },
    { zh: '內地的刺激經濟措施', alternatives: [['stimulus measures', 'mainland'], ['stimulus', 'mainland']] },
    { zh: '刺激經濟措施', alternatives: [['stimulus measures'], ['stimulus']] },
  ],
  ai: [
    { zh: '英偉達', alternatives: [['Nvidia']] },
    { zh: '聊天機械人', alternatives: [['chatbot'], ['chatbots']] },
  ],
  regulation: [
    { zh: '中國證監會', alternatives: [['China Securities Regulatory Commission'], ['CSRC']] },
    { zh: '香港證監會', alternatives: [['Securities and Futures Commission'], ['SFC']] },
    { zh: '反壟斷調查', alternatives: [['antitrust probe'], ['antitrust investigation']] },
    { zh: '監管機構', alternatives: [['regulators'], ['regulator']] },
  ],
  evs: [
    { zh: '電動車價格戰', alternatives: [['price war', 'electric vehicle'], ['price war', 'EV']] },
    { zh: '比亞迪', alternatives: [['BYD']] },
    { zh: '電動車銷量', alternatives: [['electric vehicle sales'], ['EV sales']] },
    { zh: '交付量', alternatives: [['deliveries']] },
  ],
  chips: [
    { zh: '美國出口管制', alternatives: [['export controls', 'US'], ['export curbs', 'US'], ['export controls', 'Washington']] },
    { zh: '英偉達', alternatives: [['Nvidia']] },
    { zh: '晶片製造商', alternatives: [['chipmakers'], ['chipmaker']] },
  ],
  earnings: [
    { zh: '盈利勝預期', alternatives: [['forecast-topping'], ['beat expectations'], ['better-than-expected']] },
    { zh: '盈利遜預期', alternatives: [['disappointing results'], ['missed expectations'], ['worse-than-expected']] },
  ],
  tariffs_trade: [
    { zh: '中美貿易緊張局勢', alternatives: [['trade tensions', "world's two largest economies"], ['trade tensions', 'China', 'US']] },
    { zh: '貿易緊張局勢', alternatives: [['trade tensions']] },
    { zh: '美國加徵關稅', alternatives: [['tariffs', 'Trump'], ['tariffs', 'Washington'], ['tariff', 'Trump']] },
  ],
};

/**
 * The topics the clause names for the theme, in the table's order, at most one a place (a topic whose Chinese holds
 * an earlier one's is left out: 北京的刺激經濟措施 then not 刺激經濟措施); empty when none.
 * @example zhCatalystTopics('stimulus_policy', "The People's Bank of China unveiled stimulus measures.") // ['人民銀行', '刺激經濟措施']
 */
export function zhCatalystTopics(themeId: string, clause: string): string[] {
  const out: string[] = [];
  for (const t of ZH_CATALYST_TOPICS[themeId] ?? []) {
    if (out.some((z) => z.includes(t.zh) || t.zh.includes(z))) continue;
    if (t.alternatives.some((needs) => needs.every((p) => holdsPhrase(clause, p)))) out.push(t.zh);
  }
  return out;
}

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

/** Every fact of every template and every topic alternative, for the checker. */
export function allZhFacts(): ZhFact[] {
  return [
    ...Object.values(ZH_CATALYST_TEMPLATES).flatMap((slots) => slots.flatMap((s) => s.alternatives)),
    ...Object.values(ZH_CATALYST_TOPICS).flatMap((ts) => ts.flatMap((t) => t.alternatives.map((needs) => ({ needs, zh: t.zh })))),
  ];
}
