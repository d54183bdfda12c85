/**
 * Charts for grouped and ranked answers (papers per year, per category, per
 * venue, top co-authors, who published the most): a PNG with alt text for
 * Discord and Slack, text bars for the shell.
 *
 * How: a ChartSpec (what to draw, no styling) is validated, drawn as SVG by
 * the small hand-written layouts here, and rasterised by resvg in a worker
 * thread, at 2× (less for very tall cards) with bundled Roboto and no system
 * fonts, so the same spec gives the same PNG on any machine.
 *
 * Why these and not the alternatives (measured on the 2-core dev machine;
 * 5 bars = papers per year, 40 bars = a ranking of 40 long names):
 * - SVG by hand rather than vega-lite + vega: vega is 25 MB and 81 packages
 *   installed, takes ~225 ms to import and 6–11 ms p50 (27–45 ms p99) to
 *   make an SVG headless; the layouts here take under 1 ms and no
 *   dependency, and own the things vega leaves to configuration: cutting
 *   long names to the pixel, escaping corpus text, the one style.
 * - @resvg/resvg-js for SVG → PNG: prebuilt binaries inside its npm
 *   packages (4.4 MB on linux-x64), imports in ~12 ms, and takes fonts from
 *   files. @resvg/resvg-wasm is portable but 1.2–1.5× slower; sharp is 20 MB
 *   and draws SVG text with whatever fontconfig finds (none in a slim
 *   container); node-canvas needs a native build: rejected.
 * - Roboto from @expo-google-fonts/roboto (OFL 1.1): see render-png.ts.
 * - One worker thread, one chart at a time, a bounded queue and a timeout
 *   per chart: rasterising is 15–60 ms of CPU that must not hold up other
 *   answers on a 2-core machine, and a render cannot be interrupted, only
 *   its thread, which a timeout replaces.
 *
 * @example
 * ```ts
 * const charts = new ChartRenderer();
 * const spec: ChartSpec = { kind: 'columns', title: 'Papers per year', xLabel: 'Year',
 *   yLabel: 'Papers', bars: [{ label: '2024', value: 3 }, { label: '2025', value: 8 }] };
 * const chart = await charts.render(spec); // never rejects
 * if (chart.ok) attach(chart.png, chart.alt); // else answer without the picture
 * shellOutput.write(textBars(spec));
 * ```
 */
export {
  type ChartFailure,
  type ChartFailureReason,
  type ChartImage,
  ChartRenderer,
  type ChartRendererOptions,
  type ChartResult,
} from './chart-renderer.js';
export { type ChartBar, type ChartSpec, ChartSpecSchema, MAX_BARS } from './chart-spec.js';
export { barLines, textBars } from './text-bars.js';
