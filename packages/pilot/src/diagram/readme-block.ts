export const DIAGRAM_START = '<!-- diagram:start -->';
export const DIAGRAM_END = '<!-- diagram:end -->';

/** The README's diagram block as it should read for `diagram`. */
export function diagramBlock(diagram: string): string {
  return `${DIAGRAM_START}\n\`\`\`mermaid\n${diagram}\`\`\`\n${DIAGRAM_END}`;
}

/**
 * Replace the text between the diagram markers with `diagram`; `undefined` when the README has
 * no markers (then nothing is rewritten).
 */
export function withDiagram(readme: string, diagram: string): string | undefined {
  const start = readme.indexOf(DIAGRAM_START);
  const end = readme.indexOf(DIAGRAM_END, start);
  if (start < 0 || end < 0) return undefined;
  return readme.slice(0, start) + diagramBlock(diagram) + readme.slice(end + DIAGRAM_END.length);
}
