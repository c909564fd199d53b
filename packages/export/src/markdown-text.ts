/** Markdown building blocks: escaping user text and drawing tables. */

/**
 * User text as inline Markdown: characters Markdown or a wiki's HTML would interpret are
 * backslash-escaped, and line breaks become spaces so a title cannot break a list or table.
 */
export function inline(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[\\`*_[\]{}<>#|~!&]/g, (char) => `\\${char}`)
    .trim();
}

/** A multi-line text as a block indented under a list item. */
export function indentedBlock(text: string, indent: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => `${indent}${inline(line)}`);
}

/**
 * A multi-line text as lines joined by hard breaks (a trailing backslash), so each of the
 * author's lines stays a line when GitHub renders it inside a list item.
 */
export function hardBreakLines(text: string, indent: string): string[] {
  const lines = indentedBlock(text, indent);
  return lines.map((line, index) => (index < lines.length - 1 ? `${line}\\` : line));
}

/** A GitHub-flavoured Markdown table; cells are already inline Markdown. */
export function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align?: readonly ('left' | 'right')[],
): string[] {
  const separator = header.map((_, index) => (align?.[index] === 'right' ? '---:' : '---'));
  const line = (cells: readonly string[]) => `| ${cells.map((cell) => cell || ' ').join(' | ')} |`;
  return [line(header), line(separator), ...rows.map(line)];
}

const AMOUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** 260000 → "260,000". One shared formatter: `toLocaleString` builds a new one per call. */
export function amount(value: number): string {
  return AMOUNT.format(value);
}

/** 0.25 → "25%", 0.046 → "4.6%". */
export function percent(ratio: number): string {
  const value = ratio * 100;
  if (value === 0 || Math.abs(value) >= 10) return `${Math.round(value)}%`;
  return `${Number(value.toPrecision(Math.abs(value) < 1 ? 1 : 2))}%`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
