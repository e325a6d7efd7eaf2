/**
 * The file types an upload may have, recognised by their content (magic bytes), never by the
 * name or the declared Content-Type: PDF, PNG, JPEG, Word/Excel (OOXML: a zip with
 * `word/` or `xl/` parts), and UTF-8 plain text.
 */
export interface FileType {
  readonly mediaType: string;
  /** The file name extensions of the type (lowercase, no dot). */
  readonly extensions: readonly string[];
}

export const PDF: FileType = { mediaType: 'application/pdf', extensions: ['pdf'] };
export const PNG: FileType = { mediaType: 'image/png', extensions: ['png'] };
export const JPEG: FileType = { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'] };
export const DOCX: FileType = {
  mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  extensions: ['docx'],
};
export const XLSX: FileType = {
  mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  extensions: ['xlsx'],
};
export const TEXT: FileType = { mediaType: 'text/plain', extensions: ['txt', 'csv', 'md'] };

export const ALLOWED_TYPES: readonly FileType[] = [PDF, PNG, JPEG, DOCX, XLSX, TEXT];

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0): boolean =>
  bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b);

/** The type of `bytes`, or null for anything else (an executable, an archive, HTML …). */
export function sniffType(bytes: Uint8Array): FileType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return PDF; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return JPEG;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return officeType(zipEntryNames(bytes));
  return isPlainText(bytes) ? TEXT : null;
}

/** An OOXML package names its main part in `[Content_Types].xml` and keeps it under word/ or xl/. */
function officeType(names: readonly string[] | null): FileType | null {
  if (!names || !names.includes('[Content_Types].xml')) return null;
  if (names.includes('word/document.xml')) return DOCX;
  if (names.includes('xl/workbook.xml')) return XLSX;
  return null;
}

const u16 = (b: Uint8Array, at: number): number => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number): number => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

/**
 * The entry names of a zip archive, from its central directory (the end-of-central-directory
 * record within the last 64 KiB); null when the structure does not hold.
 */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  const floor = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= floor; i -= 1) {
    if (u32(bytes, i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  const names: string[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: false });
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) return null;
    const nameLength = u16(bytes, at + 28);
    const extra = u16(bytes, at + 30);
    const comment = u16(bytes, at + 32);
    if (at + 46 + nameLength > bytes.length) return null;
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extra + comment;
  }
  return names;
}

/**
 * UTF-8 text (a BOM allowed) without NUL or other control characters than tab, line feed,
 * carriage return and form feed. An empty file is not text (nothing to attach).
 */
export function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/u.test(text);
}

/** The lowercase extension of a file name (`报告.PDF` → `pdf`), or '' without one. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}
