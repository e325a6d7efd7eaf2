import type { FlowInfo, HistoryEntry, Instance } from '@certflow/client';
import { Alert, Skeleton, Space, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { localizeDiagram, type Highlight } from './diagram-model';
import { renderMermaid } from './render-mermaid';
import { TONE } from '../../../labels/tones';

const NOTHING: Highlight = { current: [], visited: [] };

/** 流程图: the flow's diagram with the current step (blue) and the path taken (green). */
export function FlowDiagram({
  flow,
  instance,
  history,
}: {
  flow: FlowInfo;
  instance: Instance;
  history: readonly HistoryEntry[];
}) {
  const mark = useMemo(
    () => ({
      current: instance.state.split(','),
      visited: history.flatMap((h) => [h.fromState ?? '', h.toState]).filter((s) => s !== ''),
    }),
    [instance.state, history],
  );
  return <FlowDiagramView flow={flow} mark={mark} legend />;
}

/** A flow's diagram, localized and rendered by mermaid (a lazy chunk), optionally marked. */
export function FlowDiagramView({
  flow,
  mark = NOTHING,
  legend = false,
}: {
  flow: FlowInfo;
  mark?: Highlight;
  legend?: boolean;
}) {
  const source = useMemo(() => localizeDiagram(flow.diagram, flow, mark), [flow, mark]);
  const [svg, setSvg] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    renderMermaid(source).then(
      (out) => live && setSvg(out),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [source]);

  if (failed) return <Alert type="warning" showIcon title="流程图暂时无法显示" />;
  return (
    <>
      {legend ? (
        <Space size={4} style={{ marginBottom: 8 }} wrap>
          <Tag color={TONE.blue}>当前环节</Tag>
          <Tag color={TONE.green}>已经过</Tag>
        </Space>
      ) : null}
      {svg ? (
        <div
          className="flow-diagram"
          role="img"
          aria-label={`${flow.title.zh}流程图`}
          style={{ overflowX: 'auto', maxWidth: '100%' }}
          // The SVG is mermaid's rendering of the server's diagram (render-mermaid.ts), no user input.
          dangerouslySetInnerHTML={{ __html: svg }}
        />
      ) : (
        <Skeleton.Node active style={{ width: '100%', height: 240 }} />
      )}
    </>
  );
}
