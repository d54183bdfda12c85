/** One SVG for the chart worker to rasterise. */
export interface RenderRequest {
  id: number;
  svg: string;
}

/** The worker's answer to the request with the same id. */
export type RenderReply =
  | { id: number; ok: true; png: Uint8Array; width: number; height: number }
  | { id: number; ok: false; error: string };
