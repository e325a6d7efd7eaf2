export type {
  AttachmentCheck,
  SheetAttachment,
  SheetData,
  SheetField,
  SheetPerson,
  SheetStep,
  SheetVerification,
} from './sheet-data.js';
export { renderSheetPdf, type PdfOptions } from './render-pdf.js';
export { escapeHtml, renderSheetHtml, SHEET_HTML_CSP } from './render-html.js';
export { loadSheetFont, sheetFontPath, SHEET_FONT_FILE } from './font.js';
export {
  byteSize,
  CHECK_LABELS,
  EVENT_LABELS,
  eventLabel,
  shanghaiTime,
  STATUS_LABELS,
  verificationText,
} from './labels.js';
