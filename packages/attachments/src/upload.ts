import { createHash } from 'node:crypto';
import { DomainError, type AttachmentRecord, type AttachmentStore } from '@certflow/engine';
import { extensionOf, sniffType, type FileType } from './sniff.js';

/** The default largest upload: 20 MB (`CERTFLOW_ATTACHMENT_LIMIT`). */
export const DEFAULT_ATTACHMENT_LIMIT = 20 * 1024 * 1024;

/** Declared types that name the same content as the sniffed one. */
const SAME_TYPE: Readonly<Record<string, readonly string[]>> = {
  'image/jpeg': ['image/jpg', 'image/pjpeg'],
  'text/plain': ['text/csv', 'text/markdown'],
};

/** Types a browser sends when it does not know: they claim nothing. */
const UNKNOWN_TYPES = new Set(['', 'application/octet-stream']);

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A file name without any folder part, control characters or surrounding spaces. */
export function cleanFileName(name: string): string {
  const base = name.split(/[/\\]/u).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const printable = base.replace(/[\u0000-\u001f\u007f]/gu, '');
  return printable.trim().slice(0, 255);
}

export interface UploadCheck {
  readonly name: string;
  /** The part's Content-Type as the client sent it. */
  readonly declaredType: string;
  readonly bytes: Uint8Array;
  /** Largest size in bytes. */
  readonly limit: number;
}

/**
 * Refuses an upload over `limit` (`ATTACHMENT_TOO_LARGE`), and one whose content is none of the
 * allowed types, or whose declared type or extension names another type than its content
 * (`ATTACHMENT_TYPE_NOT_ALLOWED`): a renamed executable, a PNG sent as `application/pdf`.
 * Answers the sniffed type and the cleaned name.
 */
export function checkUpload(upload: UploadCheck): { type: FileType; name: string } {
  const { bytes, limit } = upload;
  if (bytes.length > limit) {
    throw attachmentTooLarge(limit, bytes.length);
  }
  const name = cleanFileName(upload.name);
  const type = sniffType(bytes);
  const declared = upload.declaredType.split(';')[0]?.trim().toLowerCase() ?? '';
  const extension = extensionOf(name);
  const declaredOk =
    type !== null &&
    (UNKNOWN_TYPES.has(declared) ||
      declared === type.mediaType ||
      (SAME_TYPE[type.mediaType]?.includes(declared) ?? false));
  const extensionOk = type !== null && type.extensions.includes(extension);
  if (!type || !declaredOk || !extensionOk || name === '') {
    throw new DomainError(
      'ATTACHMENT_TYPE_NOT_ALLOWED',
      {
        zh: '附件类型不允许：仅接受 PDF、PNG、JPEG、Word（docx）、Excel（xlsx）与纯文本文件，且文件内容须与扩展名和声明的类型一致',
        en: 'Attachment type not allowed: only PDF, PNG, JPEG, Word (docx), Excel (xlsx) and plain text, with content matching the extension and declared type',
      },
      { detected: type?.mediaType ?? null, declared: declared || null, extension },
    );
  }
  return { type, name };
}

/** `ATTACHMENT_TOO_LARGE` (also answered for a request body over the limit, unread). */
export function attachmentTooLarge(limit: number, size?: number): DomainError {
  const shown = limit % (1024 * 1024) === 0 ? `${limit / 1024 / 1024} MB` : `${limit} B`;
  return new DomainError(
    'ATTACHMENT_TOO_LARGE',
    { zh: `附件过大：不得超过 ${shown}`, en: `The attachment is too large: at most ${shown}` },
    { limit, ...(size === undefined ? {} : { size }) },
  );
}

/**
 * Checks an upload, computes its SHA-256 and stores it: the record the caller answers (and
 * later names in a command's `attachments`).
 */
export async function saveUpload(
  store: AttachmentStore,
  upload: UploadCheck & { id: string; uploadedBy: string; uploadedAt: Date },
): Promise<AttachmentRecord> {
  const { type, name } = checkUpload(upload);
  const record: AttachmentRecord = {
    id: upload.id,
    name,
    mediaType: type.mediaType,
    size: upload.bytes.length,
    sha256: sha256Hex(upload.bytes),
    uploadedBy: upload.uploadedBy,
    uploadedAt: upload.uploadedAt,
  };
  await store.put(record, upload.bytes);
  return record;
}
