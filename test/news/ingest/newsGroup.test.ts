import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { newsGroup, register } from '../../../src/cli/commands/news.js';

describe('news command group', () => {
  it('is created once, whichever file registers first', () => {
    const program = new Command('indexwire');
    newsGroup(program).command('entities'); // another engineer's file registered first
    register(program);
    expect(program.commands.filter((c) => c.name() === 'news')).toHaveLength(1);
    expect(newsGroup(program).commands.map((c) => c.name()).sort()).toEqual(['entities', 'ingest', 'search']);
  });
});
