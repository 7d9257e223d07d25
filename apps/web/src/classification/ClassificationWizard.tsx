import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import {
  useClassificationStep,
  useCreateClassification,
  useUpdateClassification,
} from '../api/classification-queries';
import type { Classification, InformationSet } from '../api/register-types';
import { ErrorState } from '../components/ErrorState';
import { useI18n } from '../i18n/i18n';
import { useNotice } from '../layout/notice';
import { infoSetPath } from '../registers/register-model';
import { AspectStep, type GuidingQuestions } from './AspectStep';
import { ASPECT_KEYS } from './labels';
import { LevelName } from './Levels';
import {
  type Answers,
  answersFrom,
  ASPECTS,
  aspectIssues,
  type AspectIssue,
  draftFields,
  firstOpenStep,
  hasChanges,
  mayPropose,
  nextStep,
  previousStep,
  specialHandlingAspects,
  WIZARD_STEPS,
  type WizardStep,
} from './wizard-model';

/**
 * The samordnare's wizard: K, R, T, S one step each, then a summary to propose from. "Nästa" checks
 * the aspect and saves the draft (so nothing is lost); "Spara utkast" saves as it is.
 */
export function ClassificationWizard({
  set,
  draft,
  guiding,
  sessionId,
}: {
  set: InformationSet;
  /** The open draft, or null when the wizard starts a new classification. */
  draft: Classification | null;
  guiding: (aspect: (typeof ASPECTS)[number]) => GuidingQuestions;
  /** The klassningstillfälle a new draft is made in. */
  sessionId?: string;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { announce } = useNotice();
  const create = useCreateClassification();
  const update = useUpdateClassification();
  const propose = useClassificationStep();
  const [saved, setSaved] = useState<Classification | null>(draft);
  const [answers, setAnswers] = useState<Answers>(() => answersFrom(draft));
  const [step, setStep] = useState<WizardStep>(() => firstOpenStep(answersFrom(draft)));
  const [shownIssues, setShownIssues] = useState<readonly AspectIssue[]>([]);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  // A new step takes the focus to its heading, so keyboard and screen-reader users start there.
  useEffect(() => {
    if (firstRender.current) firstRender.current = false;
    else headingRef.current?.focus();
  }, [step]);

  const save = async (): Promise<Classification> => {
    const fields = draftFields(answers);
    if (!saved) {
      const created = await create.mutateAsync({
        informationSetId: set.id,
        ...(sessionId ? { sessionId } : {}),
        ...fields,
      });
      setSaved(created);
      return created;
    }
    if (!hasChanges(answers, saved)) return saved;
    const updated = await update.mutateAsync({ id: saved.id, version: saved.version, ...fields });
    setSaved(updated);
    return updated;
  };

  const run = async (work: () => Promise<void>) => {
    setPending(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  };

  const goTo = (target: WizardStep) => {
    setShownIssues([]);
    setStatus('');
    setStep(target);
  };

  const onNext = () => {
    if (step === 'summary') return;
    const issues = aspectIssues(answers[step]);
    if (issues.length) {
      setShownIssues(issues);
      return;
    }
    void run(async () => {
      await save();
      goTo(nextStep(step));
    });
  };

  const onSaveDraft = () =>
    void run(async () => {
      await save();
      setStatus(t('classification.wizard.saved'));
    });

  const onPropose = () =>
    void run(async () => {
      const current = await save();
      await propose.mutateAsync({ id: current.id, step: 'propose' });
      announce(t('classification.wizard.proposed', { code: set.code }), infoSetPath(set.id));
      await navigate(infoSetPath(set.id));
    });

  const index = WIZARD_STEPS.indexOf(step);
  const stepName = (s: WizardStep) =>
    s === 'summary' ? t('classification.wizard.summary') : t(ASPECT_KEYS[s]);
  const special = specialHandlingAspects(answers);

  return (
    <div className="wizard" data-step={step}>
      <nav aria-label={t('classification.wizard.steps')} className="wizard__steps">
        <ol>
          {WIZARD_STEPS.map((s, i) => (
            <li key={s}>
              <button
                type="button"
                className="wizard__step"
                aria-current={s === step ? 'step' : undefined}
                onClick={() => goTo(s)}
              >
                <span aria-hidden="true">{i + 1}</span> {stepName(s)}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <h2 ref={headingRef} tabIndex={-1}>
        {t('classification.wizard.stepOf', {
          n: index + 1,
          total: WIZARD_STEPS.length,
          name: stepName(step),
        })}
      </h2>
      {saved?.returnComment && (
        <div className="warning">
          <p>{t('classification.returned', { comment: saved.returnComment })}</p>
        </div>
      )}
      <form
        noValidate
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (step === 'summary') onPropose();
          else onNext();
        }}
      >
        {step === 'summary' ? (
          <Summary answers={answers} onEdit={goTo} />
        ) : (
          <AspectStep
            key={step}
            aspect={step}
            answer={answers[step]}
            issues={shownIssues}
            guiding={guiding(step)}
            onChange={(answer) => {
              setAnswers({ ...answers, [step]: answer });
              setShownIssues(shownIssues.filter((issue) => aspectIssues(answer).includes(issue)));
            }}
          />
        )}
        {step === 'summary' && special.length > 0 && (
          <div className="warning" data-special-handling>
            <p>
              {t('classification.specialHandling.summary', {
                aspects: special.map((a) => t(ASPECT_KEYS[a])).join(', '),
              })}
            </p>
          </div>
        )}
        {step === 'summary' && special.length === 0 && !mayPropose(answers) && (
          <p className="field__error">{t('classification.wizard.incomplete')}</p>
        )}
        {error !== null && <ErrorState error={error} />}
        <p role="status" className="wizard__status">
          {pending ? t('status.saving') : status}
        </p>
        <div className="form__actions">
          {step !== 'K' && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => goTo(previousStep(step))}
            >
              {t('action.previous')}
            </button>
          )}
          <button type="button" className="button button--secondary" disabled={pending} onClick={onSaveDraft}>
            {t('classification.wizard.saveDraft')}
          </button>
          {step === 'summary' ? (
            <button type="submit" className="button" disabled={pending || !mayPropose(answers)}>
              {t('classification.wizard.propose')}
            </button>
          ) : (
            <button type="submit" className="button" disabled={pending}>
              {t('action.next')}
            </button>
          )}
        </div>
      </form>
    </div>
  );
}

/** The four answers side by side, each with a way back to its step. */
function Summary({ answers, onEdit }: { answers: Answers; onEdit: (step: WizardStep) => void }) {
  const { t } = useI18n();
  return (
    <dl className="summary" data-summary>
      {ASPECTS.map((a) => (
        <div key={a} className="summary__row" data-aspect={a}>
          <dt>
            {t(ASPECT_KEYS[a])} ({a})
          </dt>
          <dd>
            <p className="summary__level">
              <LevelName level={answers[a].level} />
            </p>
            <p>{answers[a].rationale.trim() || t('classification.wizard.noRationale')}</p>
            <button type="button" className="button button--quiet button--small" onClick={() => onEdit(a)}>
              {t('classification.wizard.editAspect', { aspect: t(ASPECT_KEYS[a]) })}
            </button>
          </dd>
        </div>
      ))}
    </dl>
  );
}
