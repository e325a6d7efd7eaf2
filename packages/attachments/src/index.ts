export {
  ALLOWED_TYPES,
  DOCX,
  extensionOf,
  isPlainText,
  JPEG,
  PDF,
  PNG,
  sniffType,
  TEXT,
  XLSX,
  zipEntryNames,
  type FileType,
} from './sniff.js';
export {
  attachmentTooLarge,
  checkUpload,
  cleanFileName,
  DEFAULT_ATTACHMENT_LIMIT,
  saveUpload,
  sha256Hex,
  type UploadCheck,
} from './upload.js';
export { createDirectoryAttachmentStore } from './directory-store.js';
export { attachmentsOf, verifyAttachments, type AttachmentFinding } from './verify-attachments.js';
