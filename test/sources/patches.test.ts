import { describe, expect, it } from 'vitest';
import type { PaperFacts } from '../../src/corpus/build-paper.js';
import type { Paper } from '../../src/corpus/paper.js';
import type { DblpRecord } from '../../src/sources/dblp.js';
import { paperChanges } from '../../src/sources/paper-changes.js';
import { arxivPatches, dblpPatches } from '../../src/sources/patches.js';
import { venueNews } from '../../src/sources/venue-news.js';

function paper(id: string, overrides: Partial<Paper> = {}): Paper {
  return {
    id,
    title: id.replace(/-/gu, ' '),
    authors: ['Xitong Gao'],
    authorsTruncated: true,
    published: '2025-01-01',
    category: 'cs.LG',
    categoryName: 'Machine Learning',
    hasCode: false,
    sources: [],
    abstract: '',
    aliases: [],
    source: 'corpus/x.txt:1',
    ...overrides,
  };
}

function record(key: string, overrides: Partial<DblpRecord>): DblpRecord {
  return {
    key,
    title: 'x',
    authors: ['Xitong Gao', 'Ana Ruiz'],
    year: 2024,
    url: `https://dblp.org/rec/${key}`,
    ...overrides,
  };
}

describe('dblpPatches', () => {
  it('GIVEN a workshop paper and its later conference version THEN the earliest venue, and its authors', () => {
    const [patch] = dblpPatches(
      [paper('fog')],
      [
        record('conf/nips/A25', { title: 'Fog.', year: 2025, venue: 'NeurIPS 2025' }),
        record('conf/cvpr/A24w', {
          title: 'fog',
          year: 2024,
          venue: 'CVPR Workshops 2024',
          authors: ['Xitong Gao'],
        }),
      ],
    );
    expect(patch).toMatchObject({
      title: 'fog',
      venue: 'CVPR Workshops 2024',
      authors: ['Xitong Gao'],
      source: 'sync:dblp',
    });
  });

  it('GIVEN a record whose arXiv id and title point at different papers THEN it is skipped', () => {
    const patches = dblpPatches(
      [paper('fog'), paper('rain', { arxivId: '2401.00001' })],
      [record('journals/corr/fog', { title: 'fog', arxivId: '2401.00001' })],
    );
    expect(patches).toEqual([]);
  });

  it('GIVEN a paper found by title THEN the arXiv id of its CoRR record; GIVEN it has another id THEN its own stays', () => {
    const patches = dblpPatches(
      [paper('fog'), paper('snow', { arxivId: '2401.00003' })],
      [
        record('journals/corr/fog', { title: 'fog', arxivId: '2401.00002' }),
        record('journals/corr/snow', { title: 'snow', arxivId: '2401.00009' }),
      ],
    );
    expect(patches.map((p) => [p.title, p.arxivId])).toEqual([
      ['fog', '2401.00002'],
      ['snow', undefined],
    ]);
  });

  it('GIVEN only an informal record THEN no venue', () => {
    const [patch] = dblpPatches([paper('fog')], [record('journals/corr/fog', { title: 'fog' })]);
    expect(patch?.venue).toBeUndefined();
  });
});

describe('arxivPatches', () => {
  const entry = (arxivId: string, authors: string[]): PaperFacts => ({
    title: 'whatever',
    authors,
    authorsTruncated: false,
    published: '2025-01-01',
    categoryCode: 'cs.LG',
    abstract: '',
    arxivId,
    url: `https://arxiv.org/abs/${arxivId}`,
    source: `arxiv:${arxivId}`,
  });

  it('GIVEN an id whose entry shares no author with the paper THEN it is not taken (a mistyped id)', () => {
    const papers = [
      paper('fog', { arxivId: '2401.00001' }),
      paper('rain', { arxivId: '2401.00002' }),
    ];
    const byId = new Map([
      ['2401.00001', entry('2401.00001', ['X. Gao', 'Bo Li'])],
      ['2401.00002', entry('2401.00002', ['Someone Else'])],
    ]);
    expect(arxivPatches(papers, byId, new Map())).toEqual([
      {
        title: 'fog',
        arxivId: '2401.00001',
        authors: ['X. Gao', 'Bo Li'],
        authorsTruncated: false,
        sources: ['https://arxiv.org/abs/2401.00001'],
        source: 'sync:arxiv',
      },
    ]);
  });
});

describe('paperChanges and venueNews', () => {
  const before = [paper('fog'), paper('rain', { venue: 'CVPR Workshops 2024' }), paper('snow')];
  const after = [
    paper('fog', { venue: 'NeurIPS 2025', authors: ['Xitong Gao', 'Ana Ruiz'] }),
    paper('rain', { venue: 'CVPR 2025' }),
    paper('snow'),
    paper('hail', { venue: 'ICLR 2026' }),
  ];

  it('GIVEN two builds THEN each changed field of papers in both, with before and after', () => {
    expect(paperChanges(before, after).map((c) => [c.paperId, c.field, c.before, c.after])).toEqual(
      [
        ['fog', 'authors', ['Xitong Gao'], ['Xitong Gao', 'Ana Ruiz']],
        ['fog', 'venue', null, 'NeurIPS 2025'],
        ['rain', 'venue', 'CVPR Workshops 2024', 'CVPR 2025'],
      ],
    );
  });

  it('GIVEN a preprint that gained a venue THEN news; a changed venue or a new paper is not', () => {
    expect(venueNews(before, after)).toEqual([{ paperId: 'fog', venue: 'NeurIPS 2025' }]);
    expect(venueNews(after, after)).toEqual([]);
  });
});
