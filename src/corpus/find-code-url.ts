const REPOSITORY_URL =
  /https?:\/\/(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org|codeberg\.org)\/[\w.-]+\/[\w.-]+/iu;

/** The first source-code repository URL an abstract names, if any. */
export function findCodeUrl(abstract: string): string | undefined {
  const match = REPOSITORY_URL.exec(abstract);
  if (!match) return undefined;
  return match[0].replace(/[.,;:]+$/u, '').replace(/\.git$/u, '');
}
