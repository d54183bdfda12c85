import { z } from 'zod';

/**
 * An XML element's text as fast-xml-parser gives it: a plain value, or
 * `{ '#text': … }` when the element also has attributes. Both Atom (arXiv)
 * and DBLP records need the text either way.
 */
export const xmlText = z.preprocess(
  (value) =>
    typeof value === 'object' && value !== null && '#text' in value
      ? (value as { '#text': unknown })['#text']
      : value,
  z.coerce.string(),
);
