import type { AspectLevels } from '../api/register-types';
import { useI18n } from '../i18n/i18n';
import { ASPECT_KEYS, levelKey } from './labels';
import { ASPECTS } from './wizard-model';

/**
 * Four levels in a row, "K 3 · R 3 · T 2 · S 3": short to the eye, and to a screen reader every
 * aspect and level by name ("Konfidentialitet 3 Allvarlig, …"). A missing level reads "ingen nivå".
 */
export function LevelsInline({ levels }: { levels: AspectLevels | null }) {
  const { t } = useI18n();
  const spoken = ASPECTS.map((a) => {
    const level = levels?.[a] ?? null;
    const key = level === null ? null : levelKey(level);
    return `${t(ASPECT_KEYS[a])} ${level === null ? t('classification.noLevel') : `${level} ${key ? t(key) : ''}`}`;
  }).join(', ');
  return (
    <span className="levels" data-levels={ASPECTS.map((a) => levels?.[a] ?? '–').join('')}>
      <span aria-hidden="true">
        {ASPECTS.map((a) => (
          <span key={a} className="levels__item">
            <abbr title={t(ASPECT_KEYS[a])}>{a}</abbr> {levels?.[a] ?? '–'}
          </span>
        ))}
      </span>
      <span className="visually-hidden">{spoken}</span>
    </span>
  );
}

/** A level with its KLASSA name: "3 Allvarlig". */
export function LevelName({ level }: { level: number | null }) {
  const { t } = useI18n();
  if (level === null) return <>{t('classification.noLevel')}</>;
  const key = levelKey(level);
  return <>{key ? `${level} ${t(key)}` : String(level)}</>;
}
