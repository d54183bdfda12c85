import { barLines } from '../chart/text-bars.js';
import type { Reply } from './reply.js';

/**
 * The chart as text bars ("2025 ▇▇▇▇▇▇▇ 8") where nothing else in the reply
 * lists its numbers: a grouped answer's table. A ranking's people lines
 * already say every number, so its chart is only drawn as a picture.
 */
export function chartLines(reply: Reply): string[] | undefined {
  return reply.chart && !reply.people ? barLines(reply.chart) : undefined;
}
