import type { Paper } from '../../src/corpus/paper.js';

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CONSONANTS = 'bcdfghjklmnprstvwz';
const VOWELS = 'aeiou';

/** Pronounceable, unique made-up words, so stemming and typo repair behave as on real text. */
function makeWords(
  count: number,
  random: () => number,
  minSyllables: number,
  maxSyllables: number,
): string[] {
  const words = new Set<string>();
  while (words.size < count) {
    const syllables = minSyllables + Math.floor(random() * (maxSyllables - minSyllables + 1));
    let word = '';
    for (let i = 0; i < syllables; i++) {
      word += CONSONANTS[Math.floor(random() * CONSONANTS.length)];
      word += VOWELS[Math.floor(random() * VOWELS.length)];
    }
    words.add(word);
  }
  return [...words];
}

/** Samples ranks 0…n-1 with probability ∝ 1/(rank+1)^s, like word use in real text. */
export function zipfSampler(n: number, s: number, random: () => number): () => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += 1 / (i + 1) ** s;
    cumulative[i] = total;
  }
  return () => {
    const target = random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const CATEGORIES: Array<[string, string]> = [
  ['cs.LG', 'Machine Learning'],
  ['cs.CV', 'Computer Vision'],
  ['cs.CL', 'Computation and Language'],
  ['cs.CR', 'Cryptography and Security'],
  ['cs.AI', 'Artificial Intelligence'],
  ['eess.SP', 'Signal Processing'],
];

export interface SyntheticCorpus {
  papers: Paper[];
  vocabulary: string[];
  authors: string[];
  aliases: string[];
}

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * A deterministic corpus of `size` papers: Zipf-distributed vocabulary,
 * ~150-word abstracts, 3–6 authors from a large pool (some prolific),
 * dates 2010–2026, and one paper in five naming a method it introduces.
 */
export function syntheticCorpus(size: number, seed = 42): SyntheticCorpus {
  const random = seededRandom(seed);
  const vocabulary = makeWords(Math.min(60_000, 2_000 + size), random, 2, 5);
  const word = zipfSampler(vocabulary.length, 1.07, random);
  const given = makeWords(3_000, random, 2, 3).map(capitalise);
  const family = makeWords(5_000, random, 1, 3).map(capitalise);
  const authors = [
    ...new Set(
      Array.from(
        { length: Math.max(300, Math.floor(size / 2)) },
        () =>
          `${given[Math.floor(random() * given.length)]} ${family[Math.floor(random() * family.length)]}`,
      ),
    ),
  ];
  const author = zipfSampler(authors.length, 0.8, random);
  const aliases: string[] = [];
  const papers: Paper[] = [];
  for (let i = 0; i < size; i++) {
    const titleWords = Array.from(
      { length: 6 + Math.floor(random() * 6) },
      () => vocabulary[word()] as string,
    );
    const alias =
      random() < 0.2
        ? `${capitalise(vocabulary[100 + Math.floor(random() * Math.min(5000, vocabulary.length - 100))] as string)}${capitalise(vocabulary[word()] as string)}${i}`
        : undefined;
    if (alias) aliases.push(alias);
    const words = Array.from(
      { length: 130 + Math.floor(random() * 40) },
      () => vocabulary[word()] as string,
    );
    const sentences: string[] = [];
    for (let at = 0; at < words.length; at += 15)
      sentences.push(`${capitalise(words.slice(at, at + 15).join(' '))}.`);
    if (alias) sentences.splice(1, 0, `We propose ${alias}, a method.`);
    const names = [
      ...new Set(
        Array.from({ length: 3 + Math.floor(random() * 4) }, () => authors[author()] as string),
      ),
    ];
    const [category, categoryName] = CATEGORIES[Math.floor(random() * CATEGORIES.length)] as [
      string,
      string,
    ];
    const year = 2010 + Math.floor(random() * 17);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const title = `${alias ? `${alias}: ` : ''}${capitalise(titleWords.join(' '))}`;
    papers.push({
      id: `p${i}`,
      title,
      authors: names,
      authorsTruncated: false,
      sources: [],
      published: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      category,
      categoryName,
      hasCode: random() < 0.3,
      abstract: sentences.join(' '),
      aliases: alias ? [alias] : [],
      source: `synthetic:${i}`,
    });
  }
  return { papers, vocabulary, authors, aliases };
}
