import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { OrgUnitTreeNode } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { ORG_TYPE_KEYS } from '../i18n/labels';
import { visibleNodes } from './tree-model';

interface TreeViewProps {
  label: string;
  nodes: OrgUnitTreeNode[];
  expanded: ReadonlySet<string>;
  onExpandedChange: (next: Set<string>) => void;
  hrefOf: (node: OrgUnitTreeNode) => string;
  isMatch?: (node: OrgUnitTreeNode) => boolean;
}

/**
 * The WAI-ARIA tree pattern: one tab stop (roving tabindex); ↑/↓ move, → opens or goes to the first
 * child, ← closes or goes to the parent, Home/End, a letter jumps to the next unit starting with it.
 * Each item is the unit's link, so Enter or a click opens the unit's page; the arrow opens/closes.
 */
export function TreeView(props: TreeViewProps) {
  const { t } = useI18n();
  const { nodes, expanded, onExpandedChange } = props;
  const visible = useMemo(() => visibleNodes(nodes, expanded), [nodes, expanded]);
  const [activeId, setActiveId] = useState<string | null>(null);
  const focusNext = useRef<string | null>(null);
  const items = useRef(new Map<string, HTMLAnchorElement>());

  const current = visible.find((v) => v.node.id === activeId) ?? visible[0];
  const currentId = current?.node.id ?? null;

  useEffect(() => {
    const id = focusNext.current;
    if (id) {
      focusNext.current = null;
      items.current.get(id)?.focus();
    }
  });

  const moveTo = (id: string | undefined) => {
    if (!id) return;
    setActiveId(id);
    focusNext.current = id;
  };

  const toggle = (id: string, open: boolean) => {
    const next = new Set(expanded);
    if (open) next.add(id);
    else next.delete(id);
    onExpandedChange(next);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (!current) return;
    const index = visible.indexOf(current);
    const { node } = current;
    const hasChildren = node.children.length > 0;
    const isOpen = expanded.has(node.id);
    let handled = true;
    switch (event.key) {
      case 'ArrowDown':
        moveTo(visible[index + 1]?.node.id);
        break;
      case 'ArrowUp':
        moveTo(visible[index - 1]?.node.id);
        break;
      case 'Home':
        moveTo(visible[0]?.node.id);
        break;
      case 'End':
        moveTo(visible[visible.length - 1]?.node.id);
        break;
      case 'ArrowRight':
        if (hasChildren && !isOpen) toggle(node.id, true);
        else if (hasChildren) moveTo(node.children[0].id);
        break;
      case 'ArrowLeft':
        if (hasChildren && isOpen) toggle(node.id, false);
        else moveTo(current.parentId ?? undefined);
        break;
      default:
        if (
          event.key.length === 1 &&
          /\S/.test(event.key) &&
          !event.ctrlKey &&
          !event.metaKey &&
          !event.altKey
        ) {
          const letter = event.key.toLocaleLowerCase('sv-SE');
          const after = [...visible.slice(index + 1), ...visible.slice(0, index + 1)];
          moveTo(after.find((v) => v.node.name.toLocaleLowerCase('sv-SE').startsWith(letter))?.node.id);
        } else handled = false;
    }
    if (handled) event.preventDefault();
  };

  // The APG navigation tree: each treeitem is the unit's link; its group is a sibling it owns.
  const render = (list: OrgUnitTreeNode[], level: number) =>
    list.map((node, i) => {
      const hasChildren = node.children.length > 0;
      const isOpen = expanded.has(node.id);
      const groupId = `tree-group-${node.id}`;
      const match = props.isMatch?.(node) ?? false;
      return (
        <li key={node.id} role="none" className="tree__item">
          <div className="tree__row">
            <span
              className="tree__toggle"
              aria-hidden="true"
              onClick={() => {
                if (hasChildren) toggle(node.id, !isOpen);
                setActiveId(node.id);
              }}
            >
              {hasChildren ? (isOpen ? '▾' : '▸') : ''}
            </span>
            <Link
              to={props.hrefOf(node)}
              role="treeitem"
              aria-level={level}
              aria-setsize={list.length}
              aria-posinset={i + 1}
              aria-expanded={hasChildren ? isOpen : undefined}
              aria-owns={hasChildren && isOpen ? groupId : undefined}
              tabIndex={node.id === currentId ? 0 : -1}
              data-code={node.code}
              className={match ? 'tree__link tree__link--match' : 'tree__link'}
              ref={(el) => {
                if (el) items.current.set(node.id, el);
                else items.current.delete(node.id);
              }}
              onFocus={() => setActiveId(node.id)}
            >
              <span className="tree__name">{node.name}</span>
              <span className="tree__meta">
                {' '}
                {node.code} · {t(ORG_TYPE_KEYS[node.type])}
                {node.status === 'DISSOLVED' ? ` · ${t('org.dissolved')}` : ''}
              </span>
            </Link>
          </div>
          {hasChildren && isOpen && (
            <ul role="group" id={groupId} className="tree__group">
              {render(node.children, level + 1)}
            </ul>
          )}
        </li>
      );
    });

  return (
    <ul role="tree" aria-label={props.label} className="tree" onKeyDown={onKeyDown}>
      {render(nodes, 1)}
    </ul>
  );
}
