import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import type { Instance } from '@certflow/client';
import { Alert, Button, Space } from 'antd';
import { useState } from 'react';
import { useApi } from '../../api/use-api';
import { saveBytes } from './download';
import { refusalText } from './refusal-text';

/** A file name of the 审批单 from the instance's title (no path separators). */
export function sheetName(instance: Instance, ext: 'pdf' | 'html'): string {
  return `审批单-${instance.title.replace(/[\\/:*?"<>|]+/g, '_')}.${ext}`;
}

/**
 * 审批单 (docs/attachments.md): the PDF and the print-friendly HTML, fetched by the typed
 * client with the person's token and saved as files. The HTML is saved rather than opened: a
 * page opened from the console would run under the console's CSP, which refuses the sheet's
 * own style; opened from the file it prints as the server rendered it.
 */
export function SheetLinks({ instance }: { instance: Instance }) {
  const api = useApi();
  const [busy, setBusy] = useState<'pdf' | 'html' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const save = async (kind: 'pdf' | 'html') => {
    setBusy(kind);
    setError(null);
    try {
      if (kind === 'pdf') {
        saveBytes(
          await api.approvalSheetPdf(instance.id),
          sheetName(instance, 'pdf'),
          'application/pdf',
        );
      } else {
        const html = new TextEncoder().encode(await api.approvalSheetHtml(instance.id));
        saveBytes(html, sheetName(instance, 'html'), 'text/html;charset=utf-8');
      }
    } catch (e) {
      setError(refusalText(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <div style={{ marginTop: 8 }}>
      <Space wrap>
        <Button
          icon={<FilePdfOutlined />}
          loading={busy === 'pdf'}
          onClick={() => void save('pdf')}
        >
          审批单（PDF）
        </Button>
        <Button
          icon={<PrinterOutlined />}
          loading={busy === 'html'}
          onClick={() => void save('html')}
        >
          打印版审批单（HTML）
        </Button>
      </Space>
      {error ? (
        <Alert type="error" showIcon role="alert" title={error} style={{ marginTop: 8 }} />
      ) : null}
    </div>
  );
}
