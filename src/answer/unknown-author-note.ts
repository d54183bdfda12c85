import type { UnknownAuthor } from '../query/query.js';
import { orList } from '../text/or-list.js';

/** "No author named Yuren Zhang in the corpus; did you mean Yiren Zhao or Cheng Zhang?" */
export function unknownAuthorNote(unknown: UnknownAuthor): string {
  const hint =
    unknown.suggestions.length > 0 ? `; did you mean ${orList(unknown.suggestions)}?` : '.';
  return `No author named ${unknown.asked} in the corpus${hint}`;
}
