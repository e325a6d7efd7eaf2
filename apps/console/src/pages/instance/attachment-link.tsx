import { PaperClipOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useState } from 'react';
import { useApi } from '../../api/use-api';
import { saveBytes, sizeText } from './download';
import { refusalText } from './refusal-text';
import type { TimelineAttachment } from './timeline-model';

/** A recorded file of the instance, downloaded through the client (`downloadAttachment`). */
export function AttachmentLink({
  instanceId,
  file,
}: {
  instanceId: string;
  file: TimelineAttachment;
}) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      saveBytes(
        await api.downloadAttachment(instanceId, file.id),
        file.name,
        'application/octet-stream',
      );
    } catch (e) {
      setError(refusalText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <Button
        type="link"
        size="small"
        icon={<PaperClipOutlined />}
        loading={busy}
        onClick={() => void download()}
        style={{ paddingInline: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
      >
        {file.name}
      </Button>
      {file.size > 0 ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {' '}
          {sizeText(file.size)}
        </Typography.Text>
      ) : null}
      {error ? (
        <Typography.Text type="danger" role="alert" style={{ display: 'block', fontSize: 12 }}>
          {error}
        </Typography.Text>
      ) : null}
    </div>
  );
}
