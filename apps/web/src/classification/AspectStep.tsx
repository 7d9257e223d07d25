import { RadioCards } from '../components/RadioCards';
import { TextArea } from '../components/fields';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { ASPECT_KEYS, LEVEL_KEYS } from './labels';
import {
  type Aspect,
  type AspectAnswer,
  type AspectIssue,
  CHOICES,
  SPECIAL_HANDLING_LEVEL,
} from './wizard-model';

/** The model's question of each aspect (KLASSA default; the catalogue test keeps it equal to the model). */
export const QUESTION_KEYS: Record<Aspect, MessageKey> = {
  K: 'classification.question.K',
  R: 'classification.question.R',
  T: 'classification.question.T',
  S: 'classification.question.S',
};

export const LEVEL_DESCRIPTION_KEYS: Record<(typeof CHOICES)[number], MessageKey> = {
  0: 'classification.levelDescription.NEGLIGIBLE',
  1: 'classification.levelDescription.MODERATE',
  2: 'classification.levelDescription.SIGNIFICANT',
  3: 'classification.levelDescription.SERIOUS',
  4: 'classification.levelDescription.EXCEPTIONAL',
};

/** Guiding questions per level band (1–4) of one aspect, when the model offers them. */
export type GuidingQuestions = { level: number; questions: readonly string[] }[];

/**
 * One aspect of the wizard: the aspect's question, the guiding questions, the level as radio cards
 * with KLASSA names and descriptions, the motivation; level 4 explains special handling.
 */
export function AspectStep({
  aspect,
  answer,
  issues,
  guiding,
  onChange,
}: {
  aspect: Aspect;
  answer: AspectAnswer;
  /** Shown after the person tried to move on. */
  issues: readonly AspectIssue[];
  guiding: GuidingQuestions;
  onChange: (answer: AspectAnswer) => void;
}) {
  const { t } = useI18n();
  const aspectName = t(ASPECT_KEYS[aspect]);
  return (
    <div className="aspect-step" data-aspect={aspect}>
      <p className="lead aspect-step__question">{t(QUESTION_KEYS[aspect])}</p>
      {guiding.length > 0 && (
        <details className="guiding">
          <summary>{t('classification.guidingQuestions')}</summary>
          {guiding.map((band) => (
            <div key={band.level}>
              <h3>{t('classification.guidingFor', { level: t(LEVEL_KEYS[band.level as 1 | 2 | 3 | 4]) })}</h3>
              <ul>
                {band.questions.map((q) => (
                  <li key={q}>{q}</li>
                ))}
              </ul>
            </div>
          ))}
        </details>
      )}
      <RadioCards
        legend={t('classification.levelFor', { aspect: aspectName })}
        name={`level-${aspect}`}
        value={answer.level}
        onChange={(level) => onChange({ ...answer, level })}
        error={issues.includes('LEVEL_REQUIRED') ? t('classification.levelRequired') : null}
        options={CHOICES.map((value) => ({
          value,
          title: `${value} ${t(LEVEL_KEYS[value])}`,
          description: t(LEVEL_DESCRIPTION_KEYS[value]),
        }))}
      />
      {answer.level === SPECIAL_HANDLING_LEVEL && (
        <div className="warning" role="note" data-special-handling>
          <p>
            <strong>{t('classification.specialHandling.title')}</strong>
          </p>
          <p>{t('classification.specialHandling.body')}</p>
        </div>
      )}
      <TextArea
        label={t('classification.rationaleFor', { aspect: aspectName })}
        hint={t('classification.rationaleHint')}
        value={answer.rationale}
        onChange={(rationale) => onChange({ ...answer, rationale })}
        maxLength={10_000}
        required
        error={issues.includes('RATIONALE_REQUIRED') ? t('classification.rationaleRequired') : null}
      />
    </div>
  );
}
