import { plural } from '../text/plural.js';
import type { Person } from './answer.js';

/** People shown by name in a list of people (co-authors, rankings); the rest are counted. */
export const PEOPLE_SHOWN = 15;

/** "1. Xitong Gao — 5 papers": a person in a list of people, on every platform. */
function personLine(person: Person, position: number): string {
  return `${position}. ${person.name} — ${plural(person.papers, 'paper')}`;
}

/** The first PEOPLE_SHOWN people as lines, and "… and N more." for the rest. */
export function peopleLines(people: readonly Person[]): string[] {
  const lines = people.slice(0, PEOPLE_SHOWN).map((person, i) => personLine(person, i + 1));
  if (people.length > PEOPLE_SHOWN) lines.push(`… and ${people.length - PEOPLE_SHOWN} more.`);
  return lines;
}
