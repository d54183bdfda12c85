import type { SourceFile } from '../../src/corpus/load-corpus.js';
import type { ArxivRecord } from './fake-arxiv.js';
import type { DblpPerson } from './fake-dblp.js';

/** A small corpus folder (listing and hand entries) whose papers all have arXiv ids. */
export const SYNC_CORPUS_DIR = 'test/fixtures/sources/corpus';

/** A listing of papers without arXiv ids: sync looks them up by title. */
export const UNIDENTIFIED: SourceFile = {
  name: 'corpus/unidentified.txt',
  text: `LGFeb 6, 2025
Quiet Gradients for Private Federated LearningTianrui Qin, Xitong Gao et al.
We quieten gradients.
LGMar 1, 2025
Robust Pruning for Tiny DevicesYiren Zhao, Xitong Gao
We prune robustly.
`,
};

/** What the fake arXiv knows: the corpus papers, and near-but-different titles. */
export const ARXIV_RECORDS: ArxivRecord[] = [
  {
    id: '2411.01234',
    title: 'Seeing Through Fog with Event Cameras',
    authors: ['Ana Ruiz', 'Xitong Gao', 'Bo Li', 'Chen Wu', 'Dana Müller'],
    published: '2024-11-21',
    category: 'cs.CV',
  },
  {
    id: '2308.03258',
    title: 'A Benchmark for Availability Poisons',
    authors: ['Tianrui Qin', 'Xitong Gao', 'Juanjuan Zhao', 'Kejiang Ye', 'Chengzhong Xu'],
    published: '2023-08-07',
    category: 'cs.CR',
  },
  {
    id: '2502.04321',
    title: 'Quiet Gradients for Private Federated Learning',
    authors: ['Tianrui Qin', 'Xitong Gao', 'Kejiang Ye'],
    published: '2025-02-06',
    category: 'cs.LG',
  },
  {
    id: '2502.09999',
    title: 'Quiet Gradients for Private Federated Learning at Scale',
    authors: ['Tianrui Qin', 'Xitong Gao'],
    published: '2025-02-20',
    category: 'cs.LG',
  },
  {
    id: '2503.00001',
    title: 'Robust Pruning for Tiny Devices at Scale',
    authors: ['Yiren Zhao'],
    published: '2025-03-01',
    category: 'cs.LG',
  },
];

/** What the fake DBLP knows: two people whose pages share a record. */
export const DBLP_PEOPLE: Record<string, DblpPerson> = {
  '71/4882': {
    name: 'Xitong Gao 0001',
    papers: [
      {
        key: 'conf/nips/RuizGLWM25',
        title: 'Seeing Through Fog with Event Cameras',
        authors: ['Ana Ruiz', 'Xitong Gao 0001', 'Bo Li 0003', 'Chen Wu', 'Dana Müller'],
        year: 2025,
        booktitle: 'NeurIPS',
      },
      {
        key: 'journals/corr/abs-2411-01234',
        kind: 'article',
        publtype: 'informal',
        title: 'Seeing Through Fog with Event Cameras',
        authors: ['Ana Ruiz', 'Xitong Gao 0001', 'Bo Li 0003', 'Chen Wu'],
        year: 2024,
        journal: 'CoRR',
        volume: 'abs/2411.01234',
        ee: ['https://doi.org/10.48550/arXiv.2411.01234', 'https://arxiv.org/abs/2411.01234'],
      },
      {
        key: 'journals/tmlr/QinGZYX24',
        kind: 'article',
        title: 'A Benchmark for Availability Poisons',
        authors: ['Tianrui Qin', 'Xitong Gao 0001', 'Juanjuan Zhao', 'Kejiang Ye', 'Chengzhong Xu'],
        year: 2024,
        journal: 'Trans. Mach. Learn. Res.',
      },
    ],
  },
  '99/1111': {
    name: 'Tianrui Qin',
    papers: [
      {
        key: 'journals/tmlr/QinGZYX24',
        kind: 'article',
        title: 'A Benchmark for Availability Poisons',
        authors: ['Tianrui Qin', 'Xitong Gao 0001', 'Juanjuan Zhao', 'Kejiang Ye', 'Chengzhong Xu'],
        year: 2024,
        journal: 'Trans. Mach. Learn. Res.',
      },
    ],
  },
};
