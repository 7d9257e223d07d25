import type { OrgUnitTreeNode } from '../api/types';

/** Pure helpers for the org tree: search, flattening for keyboard movement, ancestors. */

const normalise = (text: string) => text.toLocaleLowerCase('sv-SE');

export function matches(node: OrgUnitTreeNode, q: string): boolean {
  const needle = normalise(q.trim());
  if (!needle) return true;
  return [node.name, node.shortName, node.code, ...node.aliases].some((text) =>
    normalise(text).includes(needle),
  );
}

/** The tree cut down to the matching units and their ancestors (a search result keeps its context). */
export function filterTree(nodes: OrgUnitTreeNode[], q: string): OrgUnitTreeNode[] {
  if (!q.trim()) return nodes;
  const result: OrgUnitTreeNode[] = [];
  for (const node of nodes) {
    const children = filterTree(node.children, q);
    if (children.length > 0 || matches(node, q)) result.push({ ...node, children });
  }
  return result;
}

export function countNodes(nodes: OrgUnitTreeNode[], predicate: (n: OrgUnitTreeNode) => boolean): number {
  return nodes.reduce((sum, n) => sum + (predicate(n) ? 1 : 0) + countNodes(n.children, predicate), 0);
}

/** Ids of every node that has children: expanding all of them shows a whole (filtered) tree. */
export function branchIds(nodes: OrgUnitTreeNode[], into: Set<string> = new Set()): Set<string> {
  for (const node of nodes) {
    if (node.children.length > 0) {
      into.add(node.id);
      branchIds(node.children, into);
    }
  }
  return into;
}

export interface VisibleNode {
  node: OrgUnitTreeNode;
  parentId: string | null;
  level: number;
}

/** The nodes a person can see, top to bottom, given which ones are expanded. */
export function visibleNodes(
  nodes: OrgUnitTreeNode[],
  expanded: ReadonlySet<string>,
  level = 1,
  parentId: string | null = null,
  into: VisibleNode[] = [],
): VisibleNode[] {
  for (const node of nodes) {
    into.push({ node, parentId, level });
    if (expanded.has(node.id)) visibleNodes(node.children, expanded, level + 1, node.id, into);
  }
  return into;
}

/** The nodes to depth `depth` that have children: the tree opens showing nämnder and bolag. */
export function initiallyExpanded(nodes: OrgUnitTreeNode[], depth = 1): Set<string> {
  const ids = new Set<string>();
  const walk = (list: OrgUnitTreeNode[], d: number) => {
    for (const node of list) {
      if (d <= depth && node.children.length > 0) {
        ids.add(node.id);
        walk(node.children, d + 1);
      }
    }
  };
  walk(nodes, 0);
  return ids;
}
