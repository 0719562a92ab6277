import type { FamilyNode } from '../../../src-common/models/images';

export interface FlatNode {
  key: string;
  parentKey: string | null;
  node: FamilyNode;
}

/** The tree's visible nodes in reading order (collapsed nodes hide their descendants). */
export function visibleNodes(roots: readonly FamilyNode[], collapsed: ReadonlySet<string>): FlatNode[] {
  const out: FlatNode[] = [];
  const walk = (nodes: readonly FamilyNode[], parentKey: string) => {
    for (const node of nodes) {
      const key = `${parentKey}/${node.chainId}`;
      out.push({ key, parentKey: parentKey === '' ? null : parentKey, node });
      if (!collapsed.has(key)) walk(node.children, key);
    }
  };
  walk(roots, '');
  return out;
}
