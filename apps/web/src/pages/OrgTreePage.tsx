import { useMemo, useState } from 'react';
import { type UnitStatusFilter, useOrgTree } from '../api/queries';
import type { OrgUnitTreeNode } from '../api/types';
import { CheckboxField, TextField } from '../components/fields';
import { QueryView } from '../components/ErrorState';
import { PageHeading } from '../components/PageHeading';
import { formatNumber, useI18n } from '../i18n/i18n';
import { branchIds, countNodes, filterTree, initiallyExpanded, matches } from '../org/tree-model';
import { TreeView } from '../org/TreeView';

export const unitPath = (id: string) => `/organisation/${id}`;

/** The tenant's org tree: expand/collapse, search (matches with their ancestors), dissolved units on request. */
export function OrgTreePage() {
  const { t } = useI18n();
  const [status, setStatus] = useState<UnitStatusFilter>('ACTIVE');
  const tree = useOrgTree(status);
  return (
    <section className="page" data-page="org-tree">
      <PageHeading title={t('org.tree.title')} />
      <p className="lead">{t('org.tree.lead')}</p>
      <CheckboxField
        label={t('org.tree.showDissolved')}
        checked={status === 'ALL'}
        onChange={(checked) => setStatus(checked ? 'ALL' : 'ACTIVE')}
      />
      <QueryView query={tree}>{(nodes) => <OrgTree nodes={nodes} />}</QueryView>
    </section>
  );
}

function OrgTree({ nodes }: { nodes: OrgUnitTreeNode[] }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [expanded, setExpanded] = useState<Set<string>>(() => initiallyExpanded(nodes));
  const [searchExpanded, setSearchExpanded] = useState<Set<string> | null>(null);
  const filtered = useMemo(() => filterTree(nodes, q), [nodes, q]);
  const searching = q.trim() !== '';
  const hits = searching ? countNodes(filtered, (n) => matches(n, q)) : 0;

  const onSearch = (value: string) => {
    setQ(value);
    // A search opens the branches that lead to its matches; the person may close them again.
    setSearchExpanded(value.trim() ? branchIds(filterTree(nodes, value)) : null);
  };

  return (
    <>
      <div className="toolbar" role="search">
        <TextField
          label={t('org.tree.search')}
          hint={t('org.tree.searchHint')}
          type="search"
          value={q}
          onChange={onSearch}
        />
        <div className="toolbar__buttons">
          <button
            type="button"
            className="button button--secondary"
            onClick={() =>
              searching ? setSearchExpanded(branchIds(filtered)) : setExpanded(branchIds(nodes))
            }
          >
            {t('org.tree.expandAll')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => (searching ? setSearchExpanded(new Set()) : setExpanded(new Set()))}
          >
            {t('org.tree.collapseAll')}
          </button>
        </div>
      </div>
      <p className="search-result" role="status">
        {searching
          ? hits === 0
            ? t('org.tree.noHits')
            : t('org.tree.hits', { count: formatNumber(hits) })
          : ''}
      </p>
      {filtered.length > 0 && (
        <TreeView
          label={t('org.tree.label')}
          nodes={filtered}
          expanded={searching ? (searchExpanded ?? new Set()) : expanded}
          onExpandedChange={searching ? setSearchExpanded : setExpanded}
          hrefOf={(node) => unitPath(node.id)}
          isMatch={searching ? (node) => matches(node, q) : undefined}
        />
      )}
    </>
  );
}
