/** A venue as papers carry it, split into the name people ask by and the edition's year. */
export interface Venue {
  name: string;
  year?: number;
}

/**
 * "NeurIPS 2022" → { name: 'NeurIPS', year: 2022 }; "IEEE TPAMI" → { name: 'IEEE TPAMI' }.
 * A year anywhere in the string is the edition's; the rest is the name.
 */
export function parseVenue(venue: string): Venue {
  const year = /(?<!\d)((?:19|20)\d\d)(?!\d)/u.exec(venue)?.[1];
  const name = venue
    .replace(/(?<!\d)(?:19|20)\d\d(?!\d)/u, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  return year ? { name: name || venue, year: Number(year) } : { name: venue.trim() };
}
