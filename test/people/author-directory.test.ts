import { describe, expect, it } from 'vitest';
import { AuthorDirectory } from '../../src/people/author-directory.js';
import { bundled } from '../support/corpus.js';

const directory = new AuthorDirectory(bundled().people);
const names = (text: string, options?: Parameters<AuthorDirectory['resolve']>[1]) =>
  directory.resolve(text, options)?.authors.map((a) => a.name);

describe('AuthorDirectory', () => {
  it('GIVEN full names in any form THEN they resolve exactly', () => {
    expect(directory.resolve('Yiren Zhao')?.kind).toBe('exact');
    expect(directory.resolve('zhao yiren')?.kind).toBe('surname-first');
    expect(names('LUKASZ DUDZIAK')).toEqual(['Łukasz Dudziak']);
    expect(names('Cheng Zhong Xu')).toEqual(['Cheng-Zhong Xu']);
    expect(names('Y Zhao')).toEqual(['Yiren Zhao']);
  });

  it('GIVEN any spelling the sources use THEN it resolves to the one person', () => {
    expect(names('Robert D. Mullins')).toEqual(['Robert Mullins']);
    expect(names('Robert D Mullins')).toEqual(['Robert Mullins']);
    expect(names('George Constantinides')).toEqual(['George A. Constantinides']);
    expect(names('Chengzhong Xu')).toEqual(['Cheng-Zhong Xu']);
    expect(directory.suggest('Chengzong Xu')[0]).toBe('Cheng-Zhong Xu');
  });

  it('GIVEN near names THEN they stay apart', () => {
    expect(names('Cheng Zhang')).toEqual(['Cheng Zhang']);
    expect(names('Xuan Wang')).toEqual(['Xuan Wang']);
    expect(names('Xuan Guo')).toEqual(['Xuan Guo']);
  });

  it('GIVEN a bare surname THEN it resolves only when partial names are allowed', () => {
    expect(names('Shumailov')).toBeUndefined();
    expect(names('Shumailov', { allowPartial: true })).toEqual(['Ilia Shumailov']);
    expect(names('Wang', { allowPartial: true })?.sort()).toEqual([
      'Duo Wang',
      'Erwei Wang',
      'Jun Wang',
      'Ningning Wang',
      'Sinuo Wang',
      'Tian Wang',
      'Xuan Wang',
    ]);
  });

  it('GIVEN a typo THEN it resolves only when typos are allowed and within budget', () => {
    expect(names('Tianrui Qni')).toBeUndefined();
    expect(names('Tianrui Qni', { allowTypos: true })).toEqual(['Tianrui Qin']);
    expect(names('Nobody Person', { allowTypos: true })).toBeUndefined();
  });

  it('GIVEN a prefix THEN completion ranks prolific authors first and caps the list', () => {
    const zh = directory.complete('zh').map((a) => a.name);
    expect(zh.slice(0, 2).sort()).toEqual(['Zhe Liu', 'Zhirong Qian']);
    expect(zh).toContain('Yiren Zhao');
    for (const name of zh) expect(name).toMatch(/(?:^|[\s-])Zh/u);
    expect(directory.complete('', 2).map((a) => a.name)).toEqual(['Xitong Gao', 'Yiren Zhao']);
    expect(directory.complete('shu').map((a) => a.name)).toEqual(['Ilia Shumailov']);
    expect(directory.complete('x').length).toBeLessThanOrEqual(25);
  });
});
