/** Banks, brokers and research houses whose analysts the news quotes, with the names they go by. */
export interface Institution {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
}

export const INSTITUTIONS: readonly Institution[] = [
  { id: 'hsbc', name: 'HSBC', aliases: ['HSBC', 'HSBC Holdings', 'HSBC Global Research'] },
  { id: 'hang-seng-bank', name: 'Hang Seng Bank', aliases: ['Hang Seng Bank'] },
  { id: 'citi', name: 'Citi', aliases: ['Citi', 'Citigroup', 'Citibank', 'Citi Research'] },
  { id: 'morgan-stanley', name: 'Morgan Stanley', aliases: ['Morgan Stanley'] },
  { id: 'goldman-sachs', name: 'Goldman Sachs', aliases: ['Goldman Sachs', 'Goldman'] },
  { id: 'jpmorgan', name: 'JPMorgan', aliases: ['JPMorgan', 'JP Morgan', 'J.P. Morgan', 'JPMorgan Chase', 'JPMorgan Chase & Co'] },
  { id: 'ubs', name: 'UBS', aliases: ['UBS'] },
  { id: 'bofa', name: 'Bank of America', aliases: ['Bank of America', 'BofA', 'BofA Securities', 'Merrill Lynch'] },
  { id: 'nomura', name: 'Nomura', aliases: ['Nomura'] },
  { id: 'jefferies', name: 'Jefferies', aliases: ['Jefferies'] },
  { id: 'clsa', name: 'CLSA', aliases: ['CLSA'] },
  { id: 'macquarie', name: 'Macquarie', aliases: ['Macquarie'] },
  { id: 'barclays', name: 'Barclays', aliases: ['Barclays'] },
  { id: 'deutsche-bank', name: 'Deutsche Bank', aliases: ['Deutsche Bank'] },
  { id: 'bnp-paribas', name: 'BNP Paribas', aliases: ['BNP Paribas'] },
  { id: 'standard-chartered', name: 'Standard Chartered', aliases: ['Standard Chartered', 'StanChart'] },
  { id: 'dbs', name: 'DBS', aliases: ['DBS', 'DBS Bank'] },
  { id: 'ocbc', name: 'OCBC', aliases: ['OCBC'] },
  { id: 'mizuho', name: 'Mizuho', aliases: ['Mizuho'] },
  { id: 'cicc', name: 'CICC', aliases: ['CICC', 'China International Capital Corporation'] },
  { id: 'citic-securities', name: 'CITIC Securities', aliases: ['CITIC Securities'] },
  { id: 'bernstein', name: 'Bernstein', aliases: ['Bernstein', 'AllianceBernstein'] },
  { id: 'morningstar', name: 'Morningstar', aliases: ['Morningstar'] },
  { id: 'bloomberg-intelligence', name: 'Bloomberg Intelligence', aliases: ['Bloomberg Intelligence'] },
  { id: 'capital-economics', name: 'Capital Economics', aliases: ['Capital Economics'] },
  { id: 'moodys', name: "Moody's", aliases: ["Moody's", 'Moody\u2019s', "Moody's Analytics"] },
  { id: 'fitch', name: 'Fitch', aliases: ['Fitch', 'Fitch Ratings'] },
  { id: 'sp-global', name: 'S&P Global', aliases: ['S&P Global', 'S&P Global Ratings'] },
  { id: 'ing', name: 'ING', aliases: ['ING'] },
  { id: 'natixis', name: 'Natixis', aliases: ['Natixis'] },
  { id: 'societe-generale', name: 'Societe Generale', aliases: ['Societe Generale', 'SocGen'] },
  { id: 'daiwa', name: 'Daiwa', aliases: ['Daiwa'] },
  { id: 'everbright', name: 'China Everbright Securities', aliases: ['Everbright Securities', 'China Everbright Securities International'] },
  { id: 'pepperstone', name: 'Pepperstone', aliases: ['Pepperstone'] },
  { id: 'eiu', name: 'Economist Intelligence Unit', aliases: ['Economist Intelligence Unit'] },
];

/** Phrases that contain an institution's name but are not it (the S&P 500 index, sports arenas). */
export const INSTITUTION_BLOCKERS: readonly string[] = ['S&P 500', 'HSBC Arena', 'Citi Field', 'UBS Arena'];
