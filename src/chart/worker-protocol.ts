/** One SVG for the chart worker to rasterise, at `scale` pixels per CSS px. */
export interface RenderRequest {
  id: number;
  svg: string;
  scale: number;
}

/** The worker's answer to the request with the same id. */
export type RenderReply =
  | { id: number; ok: true; png: Uint8Array; width: number; height: number }
  | { id: number; ok: false; error: string };
