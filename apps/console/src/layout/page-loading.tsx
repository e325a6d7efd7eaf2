import { Spin } from 'antd';

/** While a page's chunk or first data loads. */
export function PageLoading() {
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin description="加载中…">
        <div style={{ minHeight: 48 }} />
      </Spin>
    </div>
  );
}
