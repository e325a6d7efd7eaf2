/**
 * Where uploaded files live (docs/attachments.md): the bytes and what was recorded at upload.
 * The engine never reads files — a command records an attachment by its `AttachmentRef` (sha256
 * included), so the hash chain covers it; the HTTP layer stores, serves and re-hashes the bytes
 * through this port. Adapters: PostgreSQL (`@certflow/db`, table `attachments`) and a directory
 * (`@certflow/attachments`).
 */
export interface AttachmentRecord {
  readonly id: string;
  /** The file name as uploaded (no path). */
  readonly name: string;
  /** The type sniffed from the content (never the one the client declared). */
  readonly mediaType: string;
  readonly size: number;
  /** SHA-256 of the bytes, lowercase hex, computed on upload. */
  readonly sha256: string;
  readonly uploadedBy: string;
  readonly uploadedAt: Date;
}

export interface AttachmentStore {
  /** Stores a new file; its record's `sha256` and `size` describe `bytes`. */
  put(record: AttachmentRecord, bytes: Uint8Array): Promise<void>;
  /** The record of an upload, or undefined. */
  describe(id: string): Promise<AttachmentRecord | undefined>;
  /** The stored bytes as they are now, or undefined when the file is gone. */
  read(id: string): Promise<Uint8Array | undefined>;
}
