/** New-style (`2303.15127`, `2303.15127v2`) and old-style (`cs/0112017v1`) arXiv identifiers. */
export const ARXIV_ID = /^(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?$/u;

/** Versions are the same paper: `2303.15127v2` → `2303.15127`. */
export function withoutVersion(id: string): string {
  return id.replace(/v\d+$/u, '');
}

/** The arXiv pages of a paper, by id. */
export function arxivLinks(id: string): { url: string; pdfUrl: string } {
  return { url: `https://arxiv.org/abs/${id}`, pdfUrl: `https://arxiv.org/pdf/${id}` };
}
