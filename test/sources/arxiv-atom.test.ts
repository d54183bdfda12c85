import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { arxivIdFromUrl, parseArxivFeed } from '../../src/sources/arxiv-atom.js';
import { SourceError } from '../../src/sources/source-error.js';
import { atomError } from '../support/fake-arxiv.js';

const FEED = readFileSync('test/fixtures/arxiv/feed.xml', 'utf8');

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SourceError);
    return (error as SourceError).code;
  }
  return undefined;
}

describe('parseArxivFeed', () => {
  it('GIVEN an arXiv Atom feed THEN each entry becomes paper facts with id, full authors, primary category and links', () => {
    const [first, second] = parseArxivFeed(FEED);
    expect(first).toEqual({
      title: 'Trigger Hunting: Finding Backdoor Triggers in Vision Transformers',
      authors: ['Ana Ruiz', 'Tianrui Qin', 'Xitong Gao', 'Bo Li'],
      authorsTruncated: false,
      published: '2026-11-18',
      categoryCode: 'cs.CR',
      abstract:
        'Backdoors in vision transformers are hard to find. We introduce TriggerHunt, a search that recovers backdoor triggers from a handful of clean images. Code: https://github.com/example/triggerhunt',
      url: 'https://arxiv.org/abs/2611.01234',
      arxivId: '2611.01234',
      source: 'arxiv:2611.01234',
    });
    expect(second?.arxivId).toBe('2212.09999');
  });

  it('GIVEN versioned and old-style ids THEN the version suffix goes and the archive stays', () => {
    expect(arxivIdFromUrl('http://arxiv.org/abs/2303.12345v2')).toBe('2303.12345');
    expect(arxivIdFromUrl('http://arxiv.org/abs/cs/0112017v1')).toBe('cs/0112017');
  });

  it('GIVEN names written as character references THEN they are decoded', () => {
    const [entry] = parseArxivFeed(FEED.replace('Ana Ruiz', 'Ana Mart&#237;nez'));
    expect(entry?.authors[0]).toBe('Ana Martínez');
  });

  it('GIVEN a truncated download THEN the whole feed is rejected as malformed', () => {
    expect(codeOf(() => parseArxivFeed(FEED.slice(0, FEED.length / 2)))).toBe('ARXIV_MALFORMED');
  });

  it('GIVEN an empty body or something other than a feed THEN malformed', () => {
    expect(codeOf(() => parseArxivFeed(''))).toBe('ARXIV_MALFORMED');
    expect(codeOf(() => parseArxivFeed('<html><body>busy</body></html>'))).toBe('ARXIV_MALFORMED');
  });

  it('GIVEN one entry missing its authors THEN the whole feed is rejected, naming the entry', () => {
    const broken = FEED.replace(
      /<author><name>Ana Ruiz<\/name><\/author>[\s\S]*?<author><name>Bo Li<\/name><\/author>/u,
      '',
    );
    expect(() => parseArxivFeed(broken)).toThrow(/entry 1: author/u);
  });

  it('GIVEN the error entry the API answers a bad query with THEN REJECTED with its message', () => {
    expect(() => parseArxivFeed(atomError('incorrect id format for 1234.12345'))).toThrow(
      new SourceError(
        'arxiv',
        'REJECTED',
        'arXiv rejected the query: incorrect id format for 1234.12345',
      ),
    );
  });

  it('GIVEN an empty result THEN no papers, not an error', () => {
    expect(
      parseArxivFeed(
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>',
      ),
    ).toEqual([]);
  });
});
