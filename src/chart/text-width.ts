/**
 * Advance widths of DejaVu Sans (the font every chart is rendered with) for
 * printable ASCII, U+0020 to U+007E, in font units of 1/2048 em, read from
 * the font's hmtx table. Layout needs widths before rendering, and a table
 * is exact where a per-character average would let "WWW" overflow.
 */
const REGULAR = [
  651, 821, 942, 1716, 1303, 1946, 1597, 563, 799, 799, 1024, 1716, 651, 739, 651, 690, 1303, 1303,
  1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 690, 690, 1716, 1716, 1716, 1087, 2048, 1401,
  1405, 1430, 1577, 1294, 1178, 1587, 1540, 604, 604, 1343, 1141, 1767, 1532, 1612, 1235, 1612,
  1423, 1300, 1251, 1499, 1401, 2025, 1403, 1251, 1403, 799, 690, 799, 1716, 1024, 1024, 1255, 1300,
  1126, 1300, 1260, 721, 1300, 1298, 569, 569, 1186, 569, 1995, 1298, 1253, 1300, 1300, 842, 1067,
  803, 1298, 1212, 1675, 1212, 1212, 1075, 1303, 690, 1303, 1716,
];
const BOLD = [
  713, 934, 1067, 1716, 1425, 2052, 1786, 627, 936, 936, 1071, 1716, 778, 850, 778, 748, 1425, 1425,
  1425, 1425, 1425, 1425, 1425, 1425, 1425, 1425, 819, 819, 1716, 1716, 1716, 1188, 2048, 1585,
  1561, 1503, 1700, 1399, 1399, 1681, 1714, 762, 762, 1587, 1305, 2038, 1714, 1741, 1501, 1741,
  1577, 1475, 1397, 1663, 1585, 2259, 1579, 1483, 1485, 936, 748, 936, 1716, 1024, 1024, 1382, 1466,
  1214, 1466, 1389, 891, 1466, 1458, 702, 702, 1362, 702, 2134, 1458, 1407, 1466, 1466, 1010, 1219,
  979, 1458, 1335, 1892, 1321, 1335, 1192, 1458, 748, 1458, 1716,
];
const UNITS_PER_EM = 2048;
// Characters outside ASCII whose base letter is not ASCII either (Greek,
// Cyrillic, symbols, the ellipsis itself): as wide as a wide capital, so
// estimates err towards truncating early rather than overflowing.
const OTHER = 2048;

export type FontWeight = 'regular' | 'bold';

/** Size in px and weight of DejaVu Sans. */
export interface Font {
  size: number;
  weight: FontWeight;
}

function advance(char: string, table: readonly number[]): number {
  // "é" is measured as "e": NFD puts the base letter first and marks take no advance.
  const base = char.normalize('NFD').codePointAt(0) ?? 0;
  return table[base - 0x20] ?? OTHER;
}

/**
 * Width in px of `text` set in `font`.
 *
 * @example
 * ```ts
 * textWidth('2024', { size: 14, weight: 'regular' }); // ≈ 35.6
 * ```
 */
export function textWidth(text: string, font: Font): number {
  const table = font.weight === 'bold' ? BOLD : REGULAR;
  let units = 0;
  for (const char of text) units += advance(char, table);
  return (units / UNITS_PER_EM) * font.size;
}

/**
 * `text` as it fits in `maxWidth` px set in `font`: whole when it fits, else
 * cut at a character and ended with "…".
 *
 * @example
 * ```ts
 * fitText('Proceedings of the International Conference on Machine Learning', 120, {
 *   size: 14,
 *   weight: 'regular',
 * }); // 'Proceedings of…'
 * ```
 */
export function fitText(text: string, maxWidth: number, font: Font): string {
  if (textWidth(text, font) <= maxWidth) return text;
  const room = maxWidth - textWidth('…', font);
  let kept = '';
  let width = 0;
  for (const char of text) {
    const next = textWidth(char, font);
    if (width + next > room) break;
    kept += char;
    width += next;
  }
  return `${kept.trimEnd()}…`;
}
