import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSecurityMaster } from '../../../src/app/securityMaster.js';
import { describeWithSharedData, HK_DATA } from '../../support/sharedData.js';

const master = loadSecurityMaster();

describe('data/securities.yaml', () => {
  it('has the three indexes and 38 stocks, each with English and both Chinese names', () => {
    const idx = master.securities.filter((s) => s.kind === 'index').map((s) => s.id);
    expect(idx).toEqual(['HSI', 'HSTECH', 'HSCEI']);
    const stocks = master.securities.filter((s) => s.kind === 'stock');
    expect(stocks).toHaveLength(38);
    for (const s of master.securities) {
      expect(s.zhHant, s.id).toBeTruthy();
      expect(s.zhHans, s.id).toBeTruthy();
    }
    for (const s of stocks) expect(`${s.code}.HK`, s.id).toBe(s.id); // the code generates the ticker forms
  });
});

describeWithSharedData('data/securities.yaml against ../shared/data/hk', () => {
  it('covers every stock price file and every name of the membership file', () => {
    const ids = new Set(master.securities.map((s) => s.id));
    const files = readdirSync(HK_DATA).filter((f) => /^\d{4}\.HK\.csv$/.test(f)).map((f) => f.replace(/\.csv$/, ''));
    expect(files).toHaveLength(38);
    for (const f of files) expect(ids.has(f), f).toBe(true);
    const members = readFileSync(join(HK_DATA, 'hstech_members.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]!);
    for (const m of members) expect(ids.has(m), m).toBe(true);
  });
});
