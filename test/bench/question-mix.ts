import { type SyntheticCorpus, seededRandom } from './synthetic-corpus.js';

export interface BenchQuestion {
  kind: 'author' | 'years' | 'topic' | 'typo' | 'alias' | 'count' | 'coauthors' | 'combined';
  text: string;
  /** The topic words, for timing the bare search on the same terms. */
  topic?: string;
}

/** A fixed mix of questions (same seed, same questions) over a synthetic corpus. */
export function questionMix(corpus: SyntheticCorpus, count = 240, seed = 7): BenchQuestion[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  // Mid-frequency words: what people actually search for (not "the", not a hapax).
  const topicWord = () => corpus.vocabulary[50 + Math.floor(random() * 3000)] as string;
  const prolific = corpus.authors.slice(0, Math.max(50, Math.floor(corpus.authors.length / 20)));
  const year = () => 2010 + Math.floor(random() * 17);
  const typo = (word: string) => {
    const at = 1 + Math.floor(random() * (word.length - 2));
    return `${word.slice(0, at)}${word[at + 1]}${word[at]}${word.slice(at + 2)}`;
  };
  const makers: Array<() => BenchQuestion> = [
    () => ({ kind: 'author', text: `papers by ${pick(prolific)}` }),
    () => {
      const from = year();
      return {
        kind: 'years',
        text: `papers from ${from} to ${Math.min(2026, from + 1 + Math.floor(random() * 3))}`,
      };
    },
    () => {
      const topic = random() < 0.5 ? topicWord() : `${topicWord()} ${topicWord()}`;
      return { kind: 'topic', text: `papers about ${topic}`, topic };
    },
    () => {
      let word = topicWord();
      while (word.length < 6) word = topicWord();
      const topic = typo(word);
      return { kind: 'typo', text: topic, topic };
    },
    () => {
      const alias = pick(corpus.aliases);
      return { kind: 'alias', text: `what is ${alias}?`, topic: alias };
    },
    () =>
      random() < 0.5
        ? { kind: 'count', text: `how many papers in ${year()}?` }
        : (() => {
            const topic = topicWord();
            return {
              kind: 'count',
              text: `how many papers about ${topic}?`,
              topic,
            } as BenchQuestion;
          })(),
    () => ({ kind: 'coauthors', text: `who does ${pick(prolific)} work with?` }),
    () => {
      const topic = topicWord();
      return {
        kind: 'combined',
        text: `latest papers by ${pick(prolific)} about ${topic} since ${year()}`,
        topic,
      };
    },
  ];
  return Array.from({ length: count }, (_, i) =>
    (makers[i % makers.length] as () => BenchQuestion)(),
  );
}
