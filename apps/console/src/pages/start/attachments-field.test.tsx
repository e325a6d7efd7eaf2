// @vitest-environment happy-dom
import { CertflowClient, CertflowError } from '@certflow/client';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Form } from 'antd';
import { useEffect, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderInConsole } from '../../test/render';
import '../../test/setup-dom';
import { AttachmentsField } from './attachments-field';
import { limitsText, uploadRefusal, type AttachedFile } from './attachments-model';

/** What `POST /api/attachments` answers (docs/attachments.md § Upload), by the file's first bytes. */
const uploads: Array<{ name: string; type: string }> = [];
const server: typeof fetch = async (_url, init) => {
  const file = (init?.body as FormData).get('file') as File;
  const n = uploads.push({ name: file.name, type: file.type });
  const head = new TextDecoder().decode(new Uint8Array(await file.arrayBuffer()).slice(0, 5));
  const answer = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  if (file.size > 4096)
    return answer(413, {
      code: 'ATTACHMENT_TOO_LARGE',
      message: '附件过大：不得超过 4096 B',
      messageEn: 'The attachment is too large',
      details: { limit: 4096, size: file.size },
    });
  if (head !== '%PDF-')
    return answer(415, {
      code: 'ATTACHMENT_TYPE_NOT_ALLOWED',
      message: '附件类型不允许',
      messageEn: 'Attachment type not allowed',
      details: { detected: null, declared: 'application/pdf', extension: '.pdf' },
    });
  return answer(201, {
    id: `att-${n}`,
    sha256: 'ab'.repeat(32),
    size: file.size,
    name: file.name,
    type: 'application/pdf',
  });
};
const api = new CertflowClient({ baseUrl: 'http://certflow.test', token: 't', fetch: server });

let shown: readonly AttachedFile[] = [];
const report = (files: readonly AttachedFile[]) => {
  shown = files;
};
function Harness() {
  const [files, setFiles] = useState<AttachedFile[]>([]);
  useEffect(() => report(files), [files]);
  return (
    <Form>
      <AttachmentsField api={api} files={files} onChange={(update) => setFiles(update)} />
    </Form>
  );
}

const pick = async (...files: File[]) => {
  const input = document.querySelector('input[type="file"]') as HTMLInputElement;
  await act(async () => fireEvent.change(input, { target: { files } }));
};
const pdf = (name: string) => new File(['%PDF-1.4\n1 0 obj\n'], name, { type: 'application/pdf' });

afterEach(() => {
  uploads.length = 0;
});

describe('the attachments of an application', () => {
  it('uploads each chosen file as multipart and lists it with its type and size, removable', async () => {
    renderInConsole(<Harness />);
    expect(screen.getByText(limitsText(20 * 1024 * 1024))).toBeTruthy();
    await pick(pdf('实施方案.pdf'), pdf('报价单.pdf'));
    const list = await screen.findByRole('list', { name: '已上传的附件' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    expect(uploads.map((u) => u.name).sort()).toEqual(['实施方案.pdf', '报价单.pdf']);
    expect(within(list).getAllByText('PDF')).toHaveLength(2);
    expect(within(list).getAllByText('17 B')).toHaveLength(2);
    expect(shown.map((f) => f.name).sort()).toEqual(['实施方案.pdf', '报价单.pdf']);
    await act(async () =>
      fireEvent.click(screen.getByRole('button', { name: '移除附件 报价单.pdf' })),
    );
    expect(shown.map((f) => f.name)).toEqual(['实施方案.pdf']);
    expect(screen.queryByText('报价单.pdf')).toBeNull();
  });

  it('says a forged type and a file over the server’s limit on the field, in Chinese, and keeps nothing', async () => {
    renderInConsole(<Harness />);
    await pick(new File(['MZ\x90\x00\x03'], '安装程序.pdf', { type: 'application/pdf' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      '「安装程序.pdf」不能上传：文件内容不是允许的类型。仅接受 PDF、PNG 图片、JPEG 图片、Word 文档、Excel 表格、纯文本。',
    );
    expect(alert.closest('.ant-form-item-has-error')).toBeTruthy();
    expect(shown).toEqual([]);
    await pick(new File(['%PDF-', new Uint8Array(5000)], '大文件.pdf'));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        '「大文件.pdf」（5 KB）过大：单个附件不得超过 4 KB',
      ),
    );
    // The limit the server answered replaces the default one under the field.
    expect(screen.getByText(limitsText(4096))).toBeTruthy();
    expect(shown).toEqual([]);
  });

  it('explains a type that does not match the extension, and any other failure readably', () => {
    const png = new CertflowError(415, {
      code: 'ATTACHMENT_TYPE_NOT_ALLOWED',
      message: '附件类型不允许',
      messageEn: 'Attachment type not allowed',
      details: { detected: 'image/png', declared: 'application/pdf', extension: '.pdf' },
    });
    expect(uploadRefusal(png, '截图.pdf').text).toMatch(
      /^「截图\.pdf」不能上传：文件内容是PNG 图片，与扩展名 \.pdf 不符。/,
    );
    expect(uploadRefusal(new TypeError('Failed to fetch'), 'x.pdf')).toEqual({
      text: '「x.pdf」上传失败：无法连接服务器，请检查网络后重试',
    });
  });
});
