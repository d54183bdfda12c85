import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/corpus/load-corpus.js';
import { listingLines, parseListing } from '../../src/corpus/parse-listing.js';
import { LISTING_TEXT } from '../support/corpus.js';

/** [title, authors, authorsTruncated, published, category, hasCode] in listing order. */
const EXPECTED: Array<[string, string[], boolean, string, string, boolean]> = [
  [
    'Learning the Unlearnable: Adversarial Augmentations Suppress Unlearnable Example Attacks',
    ['Tianrui Qin', 'Xitong Gao', 'Juanjuan Zhao'],
    true,
    '2023-03-27',
    'cs.LG',
    true,
  ],
  [
    'MORA: Improving Ensemble Robustness Evaluation with Model-Reweighing Attack',
    ['Yunrui Yu', 'Xitong Gao', 'Cheng-Zhong Xu'],
    false,
    '2022-11-15',
    'cs.LG',
    true,
  ],
  [
    'APBench: A Unified Benchmark for Availability Poisoning Attacks and Defenses',
    ['Tianrui Qin', 'Xitong Gao', 'Juanjuan Zhao'],
    true,
    '2023-08-07',
    'cs.CV',
    true,
  ],
  [
    'Flareon: Stealthy any2any Backdoor Injection via Poisoned Augmentation',
    ['Tianrui Qin', 'Xianghuan He', 'Xitong Gao'],
    true,
    '2022-12-20',
    'cs.CR',
    true,
  ],
  [
    'Revisiting Structured Dropout',
    ['Yiren Zhao', 'Oluwatomisin Dada', 'Xitong Gao'],
    true,
    '2022-10-05',
    'cs.LG',
    false,
  ],
  [
    'OAgents: An Empirical Study of Building Effective Agents',
    ['He Zhu', 'Tianrui Qin', 'King Zhu'],
    true,
    '2025-06-17',
    'cs.AI',
    true,
  ],
  [
    'Refining Salience-Aware Sparse Fine-Tuning Strategies for Language Models',
    ['Xinxin Liu', 'Aaron Thomas', 'Cheng Zhang'],
    true,
    '2024-12-18',
    'cs.CL',
    true,
  ],
  [
    'BridgeNet: A Unified Multimodal Framework for Bridging 2D and 3D Industrial Anomaly Detection',
    ['An Xiang', 'Zixuan Huang', 'Xitong Gao'],
    true,
    '2025-07-25',
    'cs.CV',
    true,
  ],
  [
    'FLIP: Towards Comprehensive and Reliable Evaluation of Federated Prompt Learning',
    ['Dongping Liao', 'Xitong Gao', 'Yabo Xu'],
    true,
    '2025-03-28',
    'cs.LG',
    true,
  ],
  [
    'Unlocking the Global Synergies in Low-Rank Adapters',
    ['Zixi Zhang', 'Cheng Zhang', 'Xitong Gao'],
    true,
    '2024-06-21',
    'cs.LG',
    true,
  ],
  [
    'Adversarial Attacks on ML Defense Models Competition',
    ['Yinpeng Dong', 'Qi-An Fu', 'Xiao Yang'],
    true,
    '2021-10-15',
    'cs.CV',
    true,
  ],
  [
    'Lie Detector: Unified Backdoor Detection via Cross-Examination Framework',
    ['Xuan Wang', 'Siyuan Liang', 'Dongping Liao'],
    true,
    '2025-03-21',
    'cs.LG',
    false,
  ],
  [
    'Fed-Credit: Robust Federated Learning with Credibility Management',
    ['Jiayan Chen', 'Zhirong Qian', 'Tianhui Meng'],
    true,
    '2024-05-20',
    'cs.LG',
    false,
  ],
  [
    'Flash-Searcher: Fast and Effective Web Agents via DAG-Based Parallel Execution',
    ['Tianrui Qin', 'Qianben Chen', 'Sinuo Wang'],
    true,
    '2025-09-29',
    'cs.AI',
    false,
  ],
  [
    'Mixture of Weight-shared Heterogeneous Group Attention Experts for Dynamic Token-wise KV Optimization',
    ['Guanghui Song', 'Dongping Liao', 'Yiren Zhao'],
    true,
    '2025-06-16',
    'cs.CL',
    false,
  ],
  [
    'Poison Once, Control Anywhere: Clean-Text Visual Backdoors in VLM-based Mobile Agents',
    ['Xuan Wang', 'Siyuan Liang', 'Zhe Liu'],
    true,
    '2025-06-16',
    'cs.CR',
    false,
  ],
  [
    'Optimised Grouped-Query Attention Mechanism for Transformers',
    ['Yuang Chen', 'Cheng Zhang', 'Xitong Gao'],
    true,
    '2024-06-21',
    'cs.LG',
    false,
  ],
  [
    'Rapid Model Architecture Adaption for Meta-Learning',
    ['Yiren Zhao', 'Xitong Gao', 'Ilia Shumailov'],
    true,
    '2021-09-10',
    'cs.LG',
    false,
  ],
  [
    'LAFEAT: Piercing Through Adversarial Defenses with Latent Features',
    ['Yunrui Yu', 'Xitong Gao', 'Cheng-Zhong Xu'],
    false,
    '2021-04-19',
    'cs.LG',
    false,
  ],
  [
    'Probabilistic Dual Network Architecture Search on Graphs',
    ['Yiren Zhao', 'Duo Wang', 'Xitong Gao'],
    true,
    '2020-03-21',
    'cs.LG',
    false,
  ],
  [
    'Automatic Generation of Multi-precision Multi-arithmetic CNN Accelerators for FPGAs',
    ['Yiren Zhao', 'Xitong Gao', 'Xuan Guo'],
    true,
    '2019-10-21',
    'eess.SP',
    false,
  ],
  [
    'Blackbox Attacks on Reinforcement Learning Agents Using Approximated Temporal Information',
    ['Yiren Zhao', 'Ilia Shumailov', 'Han Cui'],
    true,
    '2019-09-06',
    'cs.LG',
    false,
  ],
  [
    'Focused Quantization for Sparse CNNs',
    ['Yiren Zhao', 'Xitong Gao', 'Daniel Bates'],
    true,
    '2019-03-07',
    'cs.LG',
    false,
  ],
  [
    'Sitatapatra: Blocking the Transfer of Adversarial Samples',
    ['Ilia Shumailov', 'Xitong Gao', 'Yiren Zhao'],
    true,
    '2019-01-23',
    'cs.LG',
    false,
  ],
  [
    'Dynamic Channel Pruning: Feature Boosting and Suppression',
    ['Xitong Gao', 'Yiren Zhao', 'Łukasz Dudziak'],
    true,
    '2018-10-12',
    'cs.CV',
    false,
  ],
];

describe('parseListing on the bundled 25-paper listing', () => {
  // The listing alone: the metadata beside it would replace the authors this suite checks.
  const { papers } = buildCorpus([{ name: 'corpus/publications.txt', text: LISTING_TEXT }]);

  it('GIVEN the listing THEN every entry parses with no problems', () => {
    const parsed = parseListing(LISTING_TEXT, 'publications.txt');
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries).toHaveLength(25);
  });

  it.each(EXPECTED.map((row, i) => [i + 1, ...row] as const))(
    'GIVEN entry %i THEN title, authors, et al., date, category and code flag are exact',
    (n, title, authors, truncated, published, category, hasCode) => {
      const paper = papers[n - 1];
      expect(paper).toMatchObject({
        title,
        authors,
        authorsTruncated: truncated,
        published,
        category,
        hasCode,
      });
    },
  );

  it('GIVEN each byline THEN title + authors + et al. rebuild the source line exactly', () => {
    const lines = listingLines(LISTING_TEXT);
    for (const paper of papers) {
      const headerLine = Number(paper.source.split(':').at(-1));
      const rebuilt = `${paper.title}${paper.authors.join(', ')}${paper.authorsTruncated ? ' et al.' : ''}`;
      expect(rebuilt).toBe(lines[headerLine]?.trim());
    }
  });

  it('GIVEN titles ending in capitals THEN the first author is cut off at the right letter', () => {
    const firstAuthors = Object.fromEntries(
      papers.map((p) => [p.title.split(' ').slice(-2).join(' '), p.authors[0]]),
    );
    expect(firstAuthors['Models Competition']).toBe('Yinpeng Dong');
    expect(firstAuthors['for FPGAs']).toBe('Yiren Zhao');
    expect(firstAuthors['KV Optimization']).toBe('Guanghui Song');
    expect(firstAuthors['Mobile Agents']).toBe('Xuan Wang');
    expect(firstAuthors['Sparse CNNs']).toBe('Yiren Zhao');
  });

  it('GIVEN the category codes THEN they carry human names', () => {
    const names = Object.fromEntries(papers.map((p) => [p.category, p.categoryName]));
    expect(names).toEqual({
      'cs.LG': 'Machine Learning',
      'cs.CV': 'Computer Vision',
      'cs.CR': 'Cryptography and Security',
      'cs.CL': 'Computation and Language',
      'cs.AI': 'Artificial Intelligence',
      'eess.SP': 'Signal Processing',
    });
  });

  it('GIVEN abstracts naming a repository THEN codeUrl is that repository', () => {
    const urls = papers.filter((p) => p.codeUrl).map((p) => p.codeUrl);
    expect(urls).toEqual([
      'https://github.com/lafeat/ueraser',
      'https://github.com/lafeat/apbench',
      'https://github.com/lafeat/flareon',
      'https://github.com/0-ml/speft',
      'https://github.com/Xantastic/BridgeNet',
      'https://github.com/thu-ml/ares',
    ]);
  });

  it('GIVEN titles THEN ids are unique, stable slugs', () => {
    const ids = papers.map((p) => p.id);
    expect(new Set(ids).size).toBe(25);
    expect(ids[1]).toBe('mora-improving-ensemble-robustness-evaluation-with-model');
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u);
  });
});

describe('parseListing on damaged input', () => {
  const good = LISTING_TEXT.split('\n').slice(0, 6).join('\n');

  it('GIVEN a broken header between good entries THEN the good ones load and the bad one is reported by file and line', () => {
    const text = `${good.split('\n').slice(0, 3).join('\n')}\nXXnot a header\nSome TitleJohn Smith\nAn abstract.\n${good.split('\n').slice(3).join('\n')}`;
    const { papers, problems } = buildCorpus([{ name: 'corpus/extra.txt', text }]);
    expect(papers.map((p) => p.aliases[0])).toEqual(['UEraser', 'MORA']);
    expect(problems).toEqual([expect.objectContaining({ file: 'corpus/extra.txt', line: 4 })]);
    expect(problems[0]?.message).toMatch(/header/u);
  });

  it('GIVEN an entry missing its abstract THEN it is reported and the next entry still parses', () => {
    const lines = good.split('\n');
    const text = [lines[0], lines[1], ...lines.slice(3)].join('\n');
    const parsed = parseListing(text, 'x.txt');
    expect(parsed.entries.map((e) => e.title)).toEqual([expect.stringMatching(/^MORA/u)]);
    expect(parsed.problems).toEqual([
      { file: 'x.txt', line: 2, message: 'entry has no abstract line' },
    ]);
  });

  it('GIVEN a byline with no author shape THEN it is reported, not guessed', () => {
    const parsed = parseListing('LGMar 27, 2023\nnothing to split here\nAbstract.\n', 'x.txt');
    expect(parsed.entries).toEqual([]);
    expect(parsed.problems[0]).toMatchObject({
      line: 2,
      message: expect.stringMatching(/title ends/u),
    });
  });

  it('GIVEN an impossible date or unknown category THEN the entry is skipped with a reason', () => {
    const feb30 = parseListing('LGFeb 30, 2023\nA TitleJohn Smith\nAbstract.\n', 'x.txt');
    expect(feb30.problems[0]?.message).toMatch(/not a calendar date/u);
    const unknown = buildCorpus([
      { name: 'x.txt', text: 'QQMar 1, 2023\nA TitleJohn Smith\nAbstract.\n' },
    ]);
    expect(unknown.papers).toEqual([]);
    expect(unknown.problems[0]?.message).toMatch(/unknown arXiv category "QQ"/u);
  });

  it('GIVEN CRLF line ends, a BOM and blank lines between entries THEN entries parse the same', () => {
    const text = `\uFEFF${good.split('\n').slice(0, 3).join('\r\n')}\r\n\r\n\r\n${good.split('\n').slice(3).join('\r\n')}`;
    const parsed = parseListing(text, 'x.txt');
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries).toHaveLength(2);
  });

  it('GIVEN bytes that are not UTF-8 THEN that entry is reported and the rest load', () => {
    const bad = Buffer.concat([
      Buffer.from('LGMar 1, 2023\nA Title'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('John Smith\nAbstract.\n'),
      Buffer.from(good),
    ]);
    const text = new TextDecoder('utf-8').decode(bad);
    const { papers, problems } = buildCorpus([{ name: 'latin1.txt', text }]);
    expect(papers).toHaveLength(2);
    expect(problems).toEqual([
      { file: 'latin1.txt', line: 2, message: 'entry is not valid UTF-8 text' },
    ]);
  });

  it('GIVEN the same entry twice THEN the second is reported as a duplicate', () => {
    const { papers, problems } = buildCorpus([
      { name: 'a.txt', text: good },
      { name: 'b.txt', text: good },
    ]);
    expect(papers).toHaveLength(2);
    expect(problems.map((p) => `${p.file}:${p.line}`)).toEqual(['b.txt:1', 'b.txt:4']);
    expect(problems[0]?.message).toMatch(/duplicate of the entry at a\.txt:1/u);
  });
});
