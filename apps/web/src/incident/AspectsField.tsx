import { INCIDENT_ASPECTS, type IncidentAspect } from '../api/types';
import { CheckboxField } from '../components/fields';
import { useI18n } from '../i18n/i18n';
import { INCIDENT_ASPECT_KEYS } from '../i18n/labels';

/** Which of K, R, T and S the incident affected (closing flags the linked classifications, BR-D7). */
export function AspectsField({
  value,
  onChange,
}: {
  value: readonly IncidentAspect[];
  onChange: (value: IncidentAspect[]) => void;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="field field--checkboxes">
      <legend className="field__label">{t('incident.field.aspects')}</legend>
      <span className="field__hint">{t('incident.aspectsHint')}</span>
      {INCIDENT_ASPECTS.map((aspect) => (
        <CheckboxField
          key={aspect}
          label={t(INCIDENT_ASPECT_KEYS[aspect])}
          checked={value.includes(aspect)}
          onChange={(checked) =>
            onChange(INCIDENT_ASPECTS.filter((a) => (a === aspect ? checked : value.includes(a))))
          }
        />
      ))}
    </fieldset>
  );
}
