import type { Reachability } from './reachability.js';
import type { RequestSlots } from './request-slots.js';

export interface RequestWatch {
  /** How the platform's API is named in an outage: "Slack", "Discord REST". */
  api: string;
  slots: RequestSlots;
  link: Reachability;
  timeoutMs: number;
}

/**
 * Sends one request to a platform within its slots and tells the link how it
 * went: unreachable, too slow or a 5xx starts (or continues) an outage, as
 * does a refused token (`refused` reads it from the response, naming the
 * variable); any other answer ends it.
 */
export async function watchedRequest<R extends { status: number }>(
  watch: RequestWatch,
  signal: AbortSignal | null | undefined,
  send: () => Promise<R>,
  refused: (response: R) => Promise<string | undefined>,
): Promise<R> {
  let response: R;
  try {
    response = await watch.slots.run(send);
  } catch (error) {
    watch.link.down(
      signal?.aborted
        ? `${watch.api} did not answer within ${watch.timeoutMs / 1000} s`
        : `${watch.api} unreachable: ${causeOf(error)}`,
    );
    throw error;
  }
  const problem =
    response.status >= 500
      ? `${watch.api} answered HTTP ${response.status}`
      : await refused(response);
  if (problem) watch.link.down(problem);
  else watch.link.up();
  return response;
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
