import { useState } from 'react';
import { Link } from 'react-router';
import { useOrgUnitList, usePeople } from '../api/queries';
import { TextField } from '../components/fields';
import { QueryView } from '../components/ErrorState';
import { PageHeading } from '../components/PageHeading';
import { formatNumber, useI18n } from '../i18n/i18n';
import { unitPath } from './OrgTreePage';

const PAGE_SIZE = 50;

/** The people directory (read Person): search by name, username or e-mail; home unit links to its page. */
export function PeoplePage() {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const people = usePeople({ q: q.trim() || undefined, limit: PAGE_SIZE, offset });
  const units = useOrgUnitList();

  return (
    <section className="page" data-page="people">
      <PageHeading title={t('people.title')} />
      <div className="toolbar" role="search">
        <TextField
          label={t('people.search')}
          hint={t('people.searchHint')}
          type="search"
          value={q}
          onChange={(value) => {
            setQ(value);
            setOffset(0);
          }}
        />
      </div>
      <QueryView query={people}>
        {(page) => (
          <>
            <p role="status">
              {t('people.count', {
                from: formatNumber(page.total === 0 ? 0 : page.offset + 1),
                to: formatNumber(page.offset + page.items.length),
                total: formatNumber(page.total),
              })}
            </p>
            {page.items.length > 0 && (
              <div className="table-wrap" role="region" aria-label={t('people.title')} tabIndex={0}>
                <table className="table" data-table="people">
                  <thead>
                    <tr>
                      <th scope="col">{t('people.name')}</th>
                      <th scope="col">{t('people.username')}</th>
                      <th scope="col">{t('people.homeUnit')}</th>
                      <th scope="col">{t('people.email')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((p) => {
                      const home = units.data?.get(p.homeOrgUnitId);
                      return (
                        <tr key={p.id}>
                          <td>
                            {p.displayName}
                            {p.status === 'INACTIVE' && <span className="tag">{t('people.inactive')}</span>}
                          </td>
                          <td>{p.username}</td>
                          <td>{home ? <Link to={unitPath(home.id)}>{home.name}</Link> : ''}</td>
                          <td>{p.email}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}
            {page.total > PAGE_SIZE && (
              <div className="pager">
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={offset === 0}
                  onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
                >
                  {t('action.previous')}
                </button>
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={offset + PAGE_SIZE >= page.total}
                  onClick={() => setOffset(offset + PAGE_SIZE)}
                >
                  {t('action.next')}
                </button>
              </div>
            )}
          </>
        )}
      </QueryView>
    </section>
  );
}
