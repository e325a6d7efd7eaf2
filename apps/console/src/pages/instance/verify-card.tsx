import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../../api/error-text';
import { useVerify } from '../../api/queries';

/** 审计校验: recompute the hash chain of the history on the server and say whether it holds. */
export function VerifyCard({ instanceId }: { instanceId: string }) {
  const [asked, setAsked] = useState(false);
  const verify = useVerify(instanceId, asked);
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        每条审批记录都以哈希链相连，任何改动都会被发现。
      </Typography.Paragraph>
      <Button
        icon={<SafetyCertificateOutlined />}
        loading={verify.isFetching}
        onClick={() => (asked ? void verify.refetch() : setAsked(true))}
      >
        校验审计链
      </Button>
      {verify.isError ? (
        <Alert style={{ marginTop: 12 }} type="error" showIcon title={errorText(verify.error)} />
      ) : null}
      {verify.data ? (
        verify.data.ok ? (
          <Alert
            style={{ marginTop: 12 }}
            type="success"
            showIcon
            title={`审计链完整：${verify.data.count} 条记录均校验通过`}
          />
        ) : (
          <Alert
            style={{ marginTop: 12 }}
            type="error"
            showIcon
            title={`审计链校验未通过：第 ${verify.data.brokenAt ?? '?'} 条记录被改动`}
            description="请立即联系纪检监察审计部门。"
          />
        )
      ) : null}
    </>
  );
}
