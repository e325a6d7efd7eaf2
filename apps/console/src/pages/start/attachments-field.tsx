import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { CertflowClient } from '@certflow/client';
import { Button, Form, Tag, Upload } from 'antd';
import { useState } from 'react';
import {
  ACCEPT,
  DEFAULT_LIMIT_BYTES,
  formatBytes,
  limitsText,
  MAX_FILES,
  typeLabel,
  uploadRefusal,
  type AttachedFile,
} from './attachments-model';

export interface AttachmentsFieldProps {
  readonly api: Pick<CertflowClient, 'uploadAttachment'>;
  readonly files: readonly AttachedFile[];
  /** Called with an update of the list (uploads settle one by one, each on the latest list). */
  readonly onChange: (update: (files: readonly AttachedFile[]) => AttachedFile[]) => void;
  /** A refusal of the submit that concerns the attachments (ATTACHMENT_NOT_FOUND). */
  readonly error?: string | null;
  /** Shown under the rules (e.g. where a draft's files are kept). */
  readonly note?: string;
}

/**
 * 附件 of the application: each file is uploaded at once (`POST /api/attachments`, multipart),
 * listed with its size and recognised type, removable until the application is submitted. A
 * refusal (too large, a type the content does not bear out) is said on the field, in Chinese.
 */
export function AttachmentsField({ api, files, onChange, error, note }: AttachmentsFieldProps) {
  const [uploading, setUploading] = useState<string[]>([]);
  const [refusals, setRefusals] = useState<string[]>([]);
  const [limit, setLimit] = useState(DEFAULT_LIMIT_BYTES);

  const upload = async (file: File) => {
    setUploading((u) => [...u, file.name]);
    try {
      const stored = await api.uploadAttachment(file, file.name);
      const { id, name, size, type, sha256 } = stored;
      onChange((now) => [...now.filter((f) => f.id !== id), { id, name, size, type, sha256 }]);
    } catch (e) {
      const refusal = uploadRefusal(e, file.name);
      if (refusal.limit !== undefined) setLimit(refusal.limit);
      setRefusals((r) => [...r, refusal.text]);
    } finally {
      setUploading((u) => {
        const at = u.indexOf(file.name);
        return at < 0 ? u : [...u.slice(0, at), ...u.slice(at + 1)];
      });
    }
  };

  const problems = [...refusals, ...(error ? [error] : [])];
  const full = files.length + uploading.length >= MAX_FILES;
  return (
    <Form.Item
      label="附件"
      htmlFor="start-attachments"
      validateStatus={problems.length > 0 ? 'error' : ''}
      help={
        problems.length > 0 ? (
          <div role="alert">
            {problems.map((p) => (
              <div key={p}>{p}</div>
            ))}
          </div>
        ) : undefined
      }
      extra={
        <>
          {limitsText(limit)}
          {note ? <div>{note}</div> : null}
        </>
      }
    >
      <Upload
        id="start-attachments"
        accept={ACCEPT}
        multiple
        showUploadList={false}
        disabled={full}
        customRequest={({ file }) => {
          setRefusals([]);
          if (file instanceof File) void upload(file);
        }}
      >
        <Button icon={<UploadOutlined />} loading={uploading.length > 0} disabled={full}>
          {uploading.length > 0 ? `正在上传 ${uploading.length} 个文件…` : '上传附件'}
        </Button>
      </Upload>
      {files.length > 0 ? (
        <ul aria-label="已上传的附件" style={{ listStyle: 'none', margin: '8px 0 0', padding: 0 }}>
          {files.map((f) => (
            <li
              key={f.id}
              style={{
                display: 'flex',
                alignItems: 'center',
                gap: 8,
                padding: '4px 0',
                borderBottom: '1px solid #f0f0f0',
              }}
            >
              <PaperClipOutlined aria-hidden />
              <span style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>{f.name}</span>
              <Tag style={{ marginInlineEnd: 0 }}>{typeLabel(f.type)}</Tag>
              <span style={{ whiteSpace: 'nowrap', color: 'rgba(0,0,0,0.65)' }}>
                {formatBytes(f.size)}
              </span>
              <Button
                type="text"
                size="small"
                danger
                icon={<DeleteOutlined />}
                aria-label={`移除附件 ${f.name}`}
                onClick={() => onChange((now) => now.filter((x) => x.id !== f.id))}
              />
            </li>
          ))}
        </ul>
      ) : null}
    </Form.Item>
  );
}
