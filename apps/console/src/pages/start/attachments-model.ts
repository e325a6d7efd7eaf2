import { CertflowError, type Attachment } from '@certflow/client';
import { errorText } from '../../api/error-text';

/**
 * What the server takes (docs/attachments.md § Upload): these types, sniffed from the content and
 * matching the extension; at most `CERTFLOW_ATTACHMENT_LIMIT` bytes (20 MB unless the school set
 * another limit — a refusal names the real one); at most 50 per application.
 */
export const ALLOWED_TYPES: ReadonlyArray<{
  readonly mediaType: string;
  readonly label: string;
  readonly extensions: readonly string[];
}> = [
  { mediaType: 'application/pdf', label: 'PDF', extensions: ['.pdf'] },
  { mediaType: 'image/png', label: 'PNG 图片', extensions: ['.png'] },
  { mediaType: 'image/jpeg', label: 'JPEG 图片', extensions: ['.jpg', '.jpeg'] },
  {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word 文档',
    extensions: ['.docx'],
  },
  {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    label: 'Excel 表格',
    extensions: ['.xlsx'],
  },
  { mediaType: 'text/plain', label: '纯文本', extensions: ['.txt', '.csv', '.md'] },
];
export const DEFAULT_LIMIT_BYTES = 20 * 1024 * 1024;
export const MAX_FILES = 50;

/** The file picker's filter (the server decides from the content anyway). */
export const ACCEPT = ALLOWED_TYPES.flatMap((t) => t.extensions).join(',');

/** `1.5 MB`, `320 KB`, `12 B`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) {
    const mb = bytes / 1024 / 1024;
    return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  }
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

export function typeLabel(mediaType: string | null | undefined): string {
  return ALLOWED_TYPES.find((t) => t.mediaType === mediaType)?.label ?? '未知类型';
}

/** The rule shown under the field: types by name, the size limit, how many. */
export function limitsText(limitBytes: number): string {
  const types = ALLOWED_TYPES.map((t) => `${t.label}（${t.extensions.join('/')}）`).join('、');
  return `可上传 ${types}；单个文件不超过 ${formatBytes(limitBytes)}，最多 ${MAX_FILES} 个。类型按文件内容识别，须与扩展名一致。`;
}

export interface Refusal {
  /** The sentence shown on the field. */
  readonly text: string;
  /** The server's limit, when its answer names it (`details.limit` of ATTACHMENT_TOO_LARGE). */
  readonly limit?: number;
}

/** An upload's refusal in Chinese, naming the file and what was wrong with it. */
export function uploadRefusal(error: unknown, fileName: string): Refusal {
  if (!(error instanceof CertflowError))
    return { text: `「${fileName}」上传失败：${errorText(error)}` };
  const details = error.details ?? {};
  if (error.code === 'ATTACHMENT_TOO_LARGE') {
    const limit = typeof details['limit'] === 'number' ? details['limit'] : undefined;
    const size = typeof details['size'] === 'number' ? `（${formatBytes(details['size'])}）` : '';
    return {
      text: `「${fileName}」${size}过大：单个附件不得超过 ${formatBytes(limit ?? DEFAULT_LIMIT_BYTES)}`,
      ...(limit === undefined ? {} : { limit }),
    };
  }
  if (error.code === 'ATTACHMENT_TYPE_NOT_ALLOWED') {
    const detected = typeof details['detected'] === 'string' ? details['detected'] : null;
    const extension = typeof details['extension'] === 'string' ? details['extension'] : '';
    const why =
      detected === null
        ? '文件内容不是允许的类型'
        : `文件内容是${typeLabel(detected)}，与${extension ? `扩展名 ${extension} ` : '文件名'}不符`;
    return {
      text: `「${fileName}」不能上传：${why}。仅接受 ${ALLOWED_TYPES.map((t) => t.label).join('、')}。`,
    };
  }
  return { text: `「${fileName}」上传失败：${errorText(error)}` };
}

/** The files attached so far (as the server recorded them at upload). */
export type AttachedFile = Pick<Attachment, 'id' | 'name' | 'size' | 'type' | 'sha256'>;
