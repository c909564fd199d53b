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
