export { parseFlags, SECTIONS, type BenchFlags, type Section } from './flags.js';
export { runSections } from './sections.js';
export { markdownReport, textTable, type Report } from './report.js';
export type { Note, ResultRow, SectionResult } from './result-row.js';
export { percentile } from './stats.js';
