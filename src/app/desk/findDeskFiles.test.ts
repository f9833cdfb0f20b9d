import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findMembersFile, findMethodology, membersCodeOf } from './findDeskFiles.js';
import { tempDirs } from '../../../test/support/tempDirs.js';

const tmp = tempDirs();

describe('findDeskFiles', () => {
  it('finds hstech_members.csv first, else the only *_members.csv, else nothing', () => {
    const a = tmp('iw-find-');
    expect(findMembersFile(a)).toBeNull();
    writeFileSync(join(a, 'simtech_members.csv'), '');
    expect(findMembersFile(a)).toBe(join(a, 'simtech_members.csv'));
    writeFileSync(join(a, 'other_members.csv'), '');
    expect(findMembersFile(a)).toBeNull(); // two candidates: ambiguous
    writeFileSync(join(a, 'hstech_members.csv'), '');
    expect(findMembersFile(a)).toBe(join(a, 'hstech_members.csv'));
    expect(findMembersFile(join(a, 'missing'))).toBeNull();
  });
  it('derives the code and finds the shipped methodology', () => {
    expect(membersCodeOf('/x/simtech_members.csv')).toBe('SIMTECH');
    expect(findMethodology('HSTECH')).toMatch(/methodologies\/hstech-replica\.yaml$/);
    expect(findMethodology('SIMTECH')).toMatch(/methodologies\/simtech\.yaml$/);
    expect(findMethodology('NOPE')).toBeNull();
  });
});
