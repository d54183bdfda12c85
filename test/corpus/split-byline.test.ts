import { describe, expect, it } from 'vitest';
import { splitByline } from '../../src/corpus/split-byline.js';

describe('splitByline', () => {
  it.each([
    ['Deep Nets for GANsSam Lee, Ana Ruiz', 'Deep Nets for GANs', ['Sam Lee', 'Ana Ruiz']],
    ['Towards Responsible AIIan Goodfellow', 'Towards Responsible AI', ['Ian Goodfellow']],
    [
      'Scaling MobileNetV2Yiren Zhao, Xitong Gao',
      'Scaling MobileNetV2',
      ['Yiren Zhao', 'Xitong Gao'],
    ],
    ['Is This the End?Jane Doe', 'Is This the End?', ['Jane Doe']],
    [
      'Look, Listen, and LearnRelja Arandjelović, Andrew Zisserman',
      'Look, Listen, and Learn',
      ['Relja Arandjelović', 'Andrew Zisserman'],
    ],
    [
      'WaveNet RevisitedAäron van den Oord, Sander Dieleman',
      'WaveNet Revisited',
      ['Aäron van den Oord', 'Sander Dieleman'],
    ],
    [
      'Adversarial Robustness at ScaleDeShawn McDonald, J. R. Smith',
      'Adversarial Robustness at Scale',
      ['DeShawn McDonald', 'J. R. Smith'],
    ],
  ])(
    'GIVEN "%s" THEN the title and authors are split at the glue point',
    (line, title, authors) => {
      expect(splitByline(line)).toEqual({ title, authors, authorsTruncated: false });
    },
  );

  it('GIVEN "et al." THEN the list is marked truncated and the marker dropped', () => {
    expect(splitByline('Some Study of ThingsAna Ruiz, Bo Li et al.')).toEqual({
      title: 'Some Study of Things',
      authors: ['Ana Ruiz', 'Bo Li'],
      authorsTruncated: true,
    });
  });

  it('GIVEN a first author known from other entries THEN that reading wins over a longer one', () => {
    const line = 'Learning at DeShawn ScaleDe Li, Bo Wu';
    expect(splitByline(line, new Set(['De Li']))?.authors[0]).toBe('De Li');
  });

  it('GIVEN a line with no author shape THEN there is no reading', () => {
    expect(splitByline('just some lowercase words')).toBeUndefined();
    expect(splitByline('')).toBeUndefined();
  });
});
