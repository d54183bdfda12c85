import { PubbotError } from '../errors.js';

/** The public sources pubbot reads metadata from. */
export type SourceName = 'arxiv' | 'dblp';

/** How a source let us down; each is part of a SourceError's code. */
export type SourceProblem =
  /** No answer within the per-request timeout. */
  | 'TIMEOUT'
  /** No connection (DNS, refused, reset before an answer). */
  | 'UNREACHABLE'
  /** Still 429/503 after the retries, or asked to wait longer than we are willing to. */
  | 'RATE_LIMITED'
  /** An HTTP status that is not success (after retries for 5xx). */
  | 'HTTP_STATUS'
  /** The body stopped before its announced end. */
  | 'TRUNCATED'
  /** Not the documented format (not well-formed, wrong root, a record missing what it needs). */
  | 'MALFORMED'
  /** Well-formed, but without something we asked for (an arXiv id with no entry). */
  | 'INCOMPLETE'
  /** The source answered with an error of its own (an arXiv error entry). */
  | 'REJECTED';

export type SourceErrorCode = `${Uppercase<SourceName>}_${SourceProblem}`;

const LABEL: Record<SourceName, string> = { arxiv: 'arXiv', dblp: 'DBLP' };

/** How a source is named to people: arXiv, DBLP. */
export function sourceLabel(source: SourceName): string {
  return LABEL[source];
}

/**
 * A source could not be used; nothing it answered is applied. The code names
 * the source and the problem (`ARXIV_TIMEOUT`, `DBLP_MALFORMED`), the message
 * is one line for people.
 */
export class SourceError extends PubbotError<SourceErrorCode> {
  override readonly name = 'SourceError';

  constructor(
    readonly source: SourceName,
    readonly problem: SourceProblem,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${source.toUpperCase() as Uppercase<SourceName>}_${problem}`, message, options);
  }
}
