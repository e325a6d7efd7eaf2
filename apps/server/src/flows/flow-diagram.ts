import type { AnyFlow } from '@certflow/engine';
import { flowDiagram } from '@certflow/pilot';

/**
 * The seam for flow diagrams: `@certflow/pilot`'s generator (mermaid `stateDiagram-v2` from the
 * machine and the flow's state specs) works for any flow definition.
 */
export function flowDiagramOf(flow: AnyFlow): string {
  return flowDiagram(flow);
}
