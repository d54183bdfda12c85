import { describe, expect, it } from 'vitest';
import { findAliases } from '../../src/corpus/find-aliases.js';
import { bundled } from '../support/corpus.js';

describe('findAliases', () => {
  it('GIVEN the bundled corpus THEN each paper gets the names it introduces, found by rule', () => {
    expect(bundled().papers.map((paper) => paper.aliases)).toEqual([
      ['UEraser'],
      ['MORA'],
      ['APBench'],
      ['Flareon'],
      ['ProbDropBlock'],
      ['OAgents'],
      ['SPEFT'],
      ['BridgeNet'],
      ['FLIP'],
      ['HeteroLoRA'],
      [],
      ['Lie Detector'],
      ['Fed-Credit'],
      ['Flash-Searcher'],
      ['mixSGA'],
      ['VIBMA'],
      ['AsymGQA'],
      ['H-Meta-NAS'],
      ['LAFEAT'],
      ['PDNAS'],
      ['Tomato'],
      [],
      [],
      ['Sitatapatra'],
      ['FBS'],
    ]);
  });

  const none = () => false;

  it('GIVEN "we propose X, a …" THEN a capitalised common word is a name', () => {
    expect(
      findAliases('Fast Things', 'We propose Basil, a framework. Basil is fast.', none),
    ).toEqual(['Basil']);
  });

  it('GIVEN an acronym defined as background before the cue THEN it is not the paper’s name', () => {
    const abstract =
      'Graph Transformers (GT) are popular. In this paper, we focus on sparse GT (SGT), which helps.';
    expect(findAliases('A Study', abstract, none)).toEqual(['SGT']);
  });

  it('GIVEN a word other papers use too THEN it is a field term, not a name', () => {
    const abstract =
      'We present the first differentiable Network Architecture Search (NAS) for Graph Neural Networks (GNNs).';
    expect(findAliases('A Study', abstract, (word) => word === 'NAS')).toEqual([]);
  });

  it('GIVEN the name after "called", "namely" or "we call" THEN it is found', () => {
    expect(findAliases('T', 'We build a scheme, called Net-Fix. Net-Fix helps.', none)).toEqual([
      'Net-Fix',
    ]);
    expect(findAliases('T', 'We introduce an attack that is strong, namely ZAP.', none)).toEqual([
      'ZAP',
    ]);
    expect(
      findAliases('T', 'We devise a method we call \\textbf{\\emph{DropIt}} which works.', none),
    ).toEqual(['DropIt']);
  });

  it('GIVEN a long plain title prefix THEN it is not a name', () => {
    expect(findAliases('Dynamic Channel Pruning: Feature Boosting', '', none)).toEqual([]);
    expect(findAliases('Learning the Unlearnable: More', '', none)).toEqual([]);
  });
});
