/**
 * The theme rules: each theme is a list of trigger phrases, nothing else, so a reader can see why an article got
 * a theme. Matching (ThemeDetector): whole words, ASCII case ignored except for short phrases of up to 5 Latin
 * characters (AI, EV, Fed), leftmost-longest. `null` theme = a blocker phrase that consumes its words
 * ("profit-taking" is not about earnings; "Air China" is not AI).
 */
export interface ThemeRule {
  readonly theme: ThemeId;
  readonly label: string;
  readonly triggers: readonly string[];
}

export type ThemeId = 'ai' | 'tariffs_trade' | 'stimulus_policy' | 'earnings' | 'regulation' | 'evs' | 'chips';

export const THEME_RULES: readonly ThemeRule[] = [
  {
    theme: 'ai', label: 'AI and models',
    triggers: ['artificial intelligence', 'AI', 'generative AI', 'DeepSeek', 'large language model', 'large language models',
      'LLM', 'LLMs', 'chatbot', 'chatbots', 'AI model', 'AI models', 'reasoning model', 'OpenAI', 'ChatGPT', 'Qwen', 'Ernie',
      'Doubao', 'data centre', 'data centres', 'data center', 'data centers', 'robotics', 'humanoid', 'humanoid robots'],
  },
  {
    theme: 'tariffs_trade', label: 'tariffs and trade',
    triggers: ['tariff', 'tariffs', 'trade war', 'trade tensions', 'trade deal', 'trade talks', 'levies', 'levy',
      'import duties', 'customs duties', 'anti-dumping duties', 'punitive duties', 'extra duties', 'de minimis', 'reciprocal', 'retaliatory', 'retaliation', 'protectionism',
      'protectionist', 'trade deficit', 'trade surplus', 'exports', 'export controls', 'Liberation Day'],
  },
  {
    theme: 'stimulus_policy', label: 'stimulus and policy',
    triggers: ['stimulus', 'stimulus measures', 'rate cut', 'rate cuts', 'interest rate cut', 'cut interest rates',
      'monetary easing', 'loose monetary policy', 'fiscal support', 'fiscal stimulus', 'budget deficit',
      'reserve requirement ratio', 'RRR', 'People\'s Bank of China', 'PBOC', 'central bank', 'Federal Reserve', 'Fed',
      'Politburo', 'National People\'s Congress', 'NPC', 'Two Sessions', 'policy support', 'supportive measures',
      'consumption', 'Central Huijin', 'private sector', 'special treasury bonds', 'growth target'],
  },
  {
    theme: 'earnings', label: 'earnings',
    triggers: ['earnings', 'profit', 'profits', 'net profit', 'net income', 'revenue', 'revenues', 'quarterly results',
      'annual results', 'interim results', 'full-year results', 'first-quarter', 'second-quarter', 'third-quarter', 'fourth-quarter',
      'first quarter', 'second quarter', 'third quarter', 'fourth quarter', 'dividend', 'guidance', 'forecast-beating',
      'forecast-topping', 'beat estimates', 'missed estimates', 'earnings season', 'earnings call'],
  },
  {
    theme: 'regulation', label: 'regulation',
    triggers: ['regulator', 'regulators', 'regulatory', 'regulation', 'regulations', 'antitrust', 'anti-monopoly',
      'crackdown', 'probe', 'investigation', 'fined', 'penalty', 'Securities and Futures Commission', 'SFC',
      'China Securities Regulatory Commission', 'CSRC', 'Cyberspace Administration', 'licence', 'licences', 'license',
      'licenses', 'ban', 'banned', 'blacklist', 'entity list', '1260H', 'national security', 'listing rules'],
  },
  {
    theme: 'evs', label: 'electric vehicles',
    triggers: ['electric vehicle', 'electric vehicles', 'EV', 'EVs', 'NEV', 'NEVs', 'new energy vehicle',
      'new energy vehicles', 'electric car', 'electric cars', 'plug-in hybrid', 'plug-in hybrids', 'battery', 'batteries',
      'charging', 'autonomous driving', 'self-driving', 'carmaker', 'carmakers', 'automaker', 'automakers', 'Tesla',
      'price war'],
  },
  {
    theme: 'chips', label: 'chips',
    triggers: ['chip', 'chips', 'chipmaker', 'chipmakers', 'semiconductor', 'semiconductors', 'Nvidia', 'TSMC', 'H20',
      'wafer', 'wafers', 'foundry', 'lithography', 'ASML', 'export controls', 'processors', 'GPU', 'GPUs'],
  },
];

/** Phrases that contain a trigger but mean something else. */
export const THEME_BLOCKERS: readonly string[] = [
  'profit-taking', 'profit taking', 'take profits', 'Air China', 'AI Ling', 'Fed up', 'results in', 'resulted in',
  'chip in', 'ban on fireworks', 'blue chips', 'blue chip', 'blue-chip', 'blue-chips', 'stamp duty', 'stamp duties',
];
