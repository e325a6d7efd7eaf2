import type { Sql } from 'postgres';

interface PlanNode {
  'Node Type'?: string;
  'Index Name'?: string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

/** Node types and index names of a plan, depth first. */
function walk(node: PlanNode, out: { nodes: string[]; indexes: string[]; seqScans: string[] }) {
  if (node['Node Type']) out.nodes.push(node['Node Type']);
  if (node['Index Name']) out.indexes.push(node['Index Name']);
  if (node['Node Type'] === 'Seq Scan' && node['Relation Name'])
    out.seqScans.push(node['Relation Name']);
  for (const child of node.Plans ?? []) walk(child, out);
}

export interface PlanSummary {
  readonly indexes: string[];
  readonly seqScans: string[];
  readonly text: string;
}

/** EXPLAIN (ANALYZE, BUFFERS) of a statement exactly as the store sent it (text + parameters). */
export async function explain(
  sql: Sql,
  query: string,
  parameters: readonly unknown[],
): Promise<PlanSummary> {
  const json = await sql.unsafe<{ 'QUERY PLAN': [{ Plan: PlanNode }] }[]>(
    `explain (format json) ${query}`,
    parameters as never[],
  );
  const out = { nodes: [] as string[], indexes: [] as string[], seqScans: [] as string[] };
  const root = json[0]?.['QUERY PLAN'][0]?.Plan;
  if (root) walk(root, out);
  const text = await sql.unsafe<{ 'QUERY PLAN': string }[]>(
    `explain (analyze, buffers, costs off, timing off, summary on) ${query}`,
    parameters as never[],
  );
  return {
    indexes: [...new Set(out.indexes)],
    seqScans: [...new Set(out.seqScans)],
    text: text.map((r) => r['QUERY PLAN']).join('\n'),
  };
}
