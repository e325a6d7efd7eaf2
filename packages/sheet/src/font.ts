import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The CJK font of the sheet: Noto Sans Hans Regular (SIL Open Font License 1.1) from the
 * `@embedpdf/fonts-sc` package. Read once per process; the PDF embeds only the glyphs it uses.
 */
export const SHEET_FONT_FILE = 'NotoSansHans-Regular.otf';

let cached: Promise<Uint8Array> | undefined;

export function sheetFontPath(): string {
  // The package exports only its metadata module (dist/index.js); the fonts sit beside dist/.
  const entry = fileURLToPath(import.meta.resolve('@embedpdf/fonts-sc'));
  return join(dirname(entry), '..', 'fonts', SHEET_FONT_FILE);
}

export function loadSheetFont(): Promise<Uint8Array> {
  cached ??= readFile(sheetFontPath()).then((b) => new Uint8Array(b));
  return cached;
}
