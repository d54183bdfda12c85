import type { ChartResult } from '../chart/chart-renderer.js';
import type { ChartSpec } from '../chart/chart-spec.js';
import type { Logger } from '../logger.js';
import type { Reply } from './reply.js';

/** What the conversation needs of a chart renderer (`ChartRenderer`): a render that never rejects. */
export interface ChartPainter {
  render(spec: ChartSpec): Promise<ChartResult>;
}

/** The file name a chart goes out under; Discord's embed points at `attachment://chart.png`. */
export const CHART_FILE = 'chart.png';

/**
 * Adds the reply's chart as a PNG with its alt text. A chart that cannot be
 * drawn in time (busy, timed out, broken) is logged and left out: the answer
 * goes without its picture rather than late or not at all.
 */
export async function attachChart(reply: Reply, charts: ChartPainter, log: Logger): Promise<Reply> {
  if (!reply.chart) return reply;
  const chart = await charts.render(reply.chart);
  if (!chart.ok) {
    log.warn(
      { reason: chart.reason, detail: chart.detail },
      'chart not drawn; answering without it',
    );
    return reply;
  }
  return {
    ...reply,
    attachments: [
      ...reply.attachments,
      { name: CHART_FILE, contentType: 'image/png', data: chart.png, alt: chart.alt },
    ],
  };
}
