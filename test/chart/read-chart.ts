import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface DrawnText {
  text: string;
  x: number;
  y: number;
  anchor: string;
  rotate: string | undefined;
}

export interface DrawnBar {
  /** The full label and value the bar's group is tagged with. */
  label: string;
  value: number;
  rect: { x: number; y: number; width: number; height: number };
  /** The texts drawn with the bar: its value and its (possibly cut) label. */
  texts: DrawnText[];
}

export interface DrawnChart {
  width: number;
  height: number;
  /** The SVG's `<title>`, what a screen reader announces. */
  accessibleName: string;
  bars: DrawnBar[];
  texts: DrawnText[];
}

type Node = Record<string, unknown>;
const list = (value: unknown): Node[] =>
  value === undefined ? [] : Array.isArray(value) ? (value as Node[]) : [value as Node];

function readText(node: Node): DrawnText {
  return {
    text: String(node['#text'] ?? ''),
    x: Number(node.x),
    y: Number(node.y),
    anchor: String(node['text-anchor'] ?? 'start'),
    rotate: node.transform === undefined ? undefined : String(node.transform),
  };
}

/** Reads a chart SVG back as a strict XML parser sees it; throws when it is not well-formed. */
export function readChart(svg: string): DrawnChart {
  const valid = XMLValidator.validate(svg);
  if (valid !== true) throw new Error(`not well-formed: ${valid.err.msg}`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseAttributeValue: false,
    parseTagValue: false,
  });
  const root = (parser.parse(svg) as { svg: Node }).svg;
  const bars = list(root.g).map((group): DrawnBar => {
    const rect = list(group.rect)[0] ?? {};
    return {
      label: String(group['data-label']),
      value: Number(group['data-value']),
      rect: {
        x: Number(rect.x),
        y: Number(rect.y),
        width: Number(rect.width),
        height: Number(rect.height),
      },
      texts: list(group.text).map(readText),
    };
  });
  return {
    width: Number(root.width),
    height: Number(root.height),
    accessibleName: String(root.title),
    bars,
    texts: list(root.text).map(readText),
  };
}
