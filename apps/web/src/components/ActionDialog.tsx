import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { Dialog } from './Dialog';
import { ErrorState } from './ErrorState';

interface ActionDialogProps {
  title: string;
  onClose: () => void;
  /** The form fields (step 1). */
  children: ReactNode;
  /** Checks the fields and shows their errors; true moves on to the confirmation. */
  validate: () => boolean;
  /** What will happen, in words (step 2). */
  summary: ReactNode;
  reviewLabel?: string;
  confirmLabel: string;
  /** Runs the change; a rejection is shown in the dialog and the person may go back or try again. */
  onConfirm: () => Promise<void>;
  danger?: boolean;
}

/**
 * Every change to the organisation goes through two steps: fill in, then confirm a plain-language
 * summary of exactly what will change. Nothing is sent before the confirmation.
 */
export function ActionDialog(props: ActionDialogProps) {
  const { t } = useI18n();
  const [step, setStep] = useState<'edit' | 'confirm'>('edit');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const summaryRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (step === 'confirm') summaryRef.current?.focus();
  }, [step]);

  const review = (event: FormEvent) => {
    event.preventDefault();
    if (props.validate()) {
      setError(null);
      setStep('confirm');
    }
  };

  const confirm = async () => {
    setPending(true);
    setError(null);
    try {
      await props.onConfirm();
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  };

  return (
    <Dialog title={props.title} onClose={props.onClose}>
      {step === 'edit' ? (
        <form noValidate onSubmit={review} className="form">
          {props.children}
          <div className="form__actions">
            <button type="submit" className="button">
              {props.reviewLabel ?? t('action.review')}
            </button>
            <button type="button" className="button button--secondary" onClick={props.onClose}>
              {t('action.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="confirm">
          <h3 ref={summaryRef} tabIndex={-1}>
            {t('confirm.heading')}
          </h3>
          <div className="confirm__summary">{props.summary}</div>
          {error !== null && <ErrorState error={error} />}
          <div className="form__actions">
            <button
              type="button"
              className={props.danger ? 'button button--danger' : 'button'}
              disabled={pending}
              onClick={() => void confirm()}
            >
              {pending ? t('status.saving') : props.confirmLabel}
            </button>
            <button
              type="button"
              className="button button--secondary"
              disabled={pending}
              onClick={() => setStep('edit')}
            >
              {t('action.back')}
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
