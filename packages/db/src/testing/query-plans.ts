import type { Sql } from 'postgres';
import type { LoggedStatement } from './statement-log.js';

/** A node of `EXPLAIN (FORMAT JSON)`. */
export interface PlanNode {
  readonly 'Node Type': string;
  readonly 'Relation Name'?: string;
  readonly 'Index Name'?: string;
  readonly 'Index Cond'?: string;
  readonly Plans?: readonly PlanNode[];
}

export function planNodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(planNodes)];
}

/** The plan PostgreSQL makes for a logged statement, with its parameters (nothing executed). */
export async function explain(sql: Sql, statement: LoggedStatement): Promise<PlanNode[]> {
  const [row] = await sql.unsafe<{ 'QUERY PLAN': { Plan: PlanNode }[] }[]>(
    `explain (format json) ${statement.query}`,
    statement.parameters as never[],
  );
  const plan = row?.['QUERY PLAN'][0]?.Plan;
  if (!plan) throw new Error('no plan');
  return planNodes(plan);
}

/** `Seq Scan on <table>` for every table a plan reads whole. */
export const seqScans = (nodes: readonly PlanNode[]): string[] =>
  nodes.filter((n) => n['Node Type'] === 'Seq Scan').map((n) => n['Relation Name'] ?? '?');

export const indexesOf = (nodes: readonly PlanNode[]): string[] =>
  nodes.flatMap((n) => (n['Index Name'] ? [n['Index Name']] : []));

/**
 * Index scans with no condition — the whole index walked (`<index> on <table>`) — except under a
 * `Limit` (the newest row by an index's order is one row, not a walk).
 */
export function wholeIndexScans(nodes: readonly PlanNode[]): string[] {
  const walk = (node: PlanNode, parent: string | undefined): string[] => [
    ...(node['Index Name'] !== undefined && node['Index Cond'] === undefined && parent !== 'Limit'
      ? [`${node['Index Name']} on ${node['Relation Name'] ?? '?'}`]
      : []),
    ...(node.Plans ?? []).flatMap((child) => walk(child, node['Node Type'])),
  ];
  const [root] = nodes;
  return root ? walk(root, undefined) : [];
}
