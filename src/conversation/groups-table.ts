import type { Groups } from './reply.js';

/**
 * Groups as a compact fixed-width table, for platforms to show in a code
 * block: every platform shows the same table.
 *
 * ```
 * 2025  ████████ 4
 * 2024  ██████   3
 * ```
 */
export function groupsTable(groups: Groups, barWidth = 20): string {
  const width = Math.max(...groups.rows.map((row) => row.label.length));
  const most = Math.max(1, ...groups.rows.map((row) => row.count));
  return groups.rows
    .map((row) => {
      const bar = '█'.repeat(Math.max(1, Math.round((row.count / most) * barWidth)));
      return `${row.label.padEnd(width)}  ${bar} ${row.count}`;
    })
    .join('\n');
}
