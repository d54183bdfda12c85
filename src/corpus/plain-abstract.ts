/**
 * Abstracts copied from arXiv keep LaTeX and URLs. For name finding and
 * display we want the words: `\textbf{\emph{ProbDropBlock}}` → `ProbDropBlock`,
 * `$\ell_\infty$` → ``, URLs removed.
 */
export function plainAbstractText(abstract: string): string {
  return abstract
    .replace(/\[?https?:\/\/[^\s\])]+\]?/gu, ' ')
    .replace(/\$[^$]*\$/gu, ' ')
    .replace(/\\[a-zA-Z]+\s*\{/gu, '')
    .replace(/\\[a-zA-Z]+/gu, ' ')
    .replace(/[{}]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
}
