import { Link } from 'react-router';
import { useAssetProtection } from '../api/classification-queries';
import type { Asset, AspectProtection, LevelSource, LinkedInformationSet } from '../api/register-types';
import { QueryView } from '../components/ErrorState';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { assetPath, infoSetPath } from '../registers/register-model';
import { ASPECT_KEYS } from './labels';
import { LevelName } from './Levels';

const BASIS_KEYS: Record<AspectProtection['basis'], MessageKey> = {
  DERIVED: 'classification.protection.basis.DERIVED',
  RAISED: 'classification.protection.basis.RAISED',
  LOWERED: 'classification.protection.basis.LOWERED',
  NONE: 'classification.protection.basis.NONE',
};

function SourceLink({ source }: { source: LevelSource }) {
  const { t } = useI18n();
  const label =
    `${source.code ?? ''} ${source.name ?? ''}`.trim() || t('classification.protection.unknownSource');
  if (source.kind === 'INFORMATION_SET') {
    return (
      <>
        {t('classification.protection.fromSet')}{' '}
        {source.informationSetId ? <Link to={infoSetPath(source.informationSetId)}>{label}</Link> : label}
      </>
    );
  }
  return (
    <>
      {t('classification.protection.fromAsset')}{' '}
      {source.assetId ? <Link to={assetPath(source.assetId)}>{label}</Link> : label}
    </>
  );
}

/**
 * The effective protection level per aspect and where it comes from (BR-B2): the classified sets
 * the asset carries, the assets that depend on it, or an override; and whether it is complete.
 */
export function ProtectionSection({
  asset,
  links,
}: {
  asset: Asset;
  links: LinkedInformationSet[] | undefined;
}) {
  const { t } = useI18n();
  const protection = useAssetProtection(asset.id, true);
  return (
    <section aria-labelledby="protection-heading" data-section="protection">
      <h2 id="protection-heading">{t('classification.protection.heading')}</h2>
      <QueryView query={protection}>
        {(p) => (
          <>
            {p.classificationComplete ? (
              <p data-complete="true">{t('classification.protection.complete')}</p>
            ) : (
              <div className="warning" data-complete="false">
                <p>{t('classification.protection.incomplete')}</p>
                <ul className="compact-list">
                  {p.unclassifiedSetIds.map((id) => {
                    const link = links?.find((l) => l.informationSetId === id);
                    return (
                      <li key={id}>
                        <Link to={infoSetPath(id)}>{link ? `${link.code} ${link.name}` : id}</Link>
                      </li>
                    );
                  })}
                </ul>
              </div>
            )}
            <ul className="record-list" data-list="protection">
              {p.aspects.map((a) => (
                <li key={a.aspect} className="record" data-aspect={a.aspect} data-basis={a.basis}>
                  <h3 className="record__title">
                    {t(ASPECT_KEYS[a.aspect])} ({a.aspect}):{' '}
                    <span data-level={a.effective ?? ''}>
                      <LevelName level={a.effective} />
                    </span>
                  </h3>
                  <p className="compact">{t(BASIS_KEYS[a.basis], { derived: a.derived ?? '–' })}</p>
                  {a.sources.length > 0 && (
                    <ul className="compact-list">
                      {a.sources.map((s, i) => (
                        <li key={i}>
                          <SourceLink source={s} />
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </QueryView>
    </section>
  );
}
