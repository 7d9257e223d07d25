import { type ReactNode, useId } from 'react';

interface FieldShell {
  label: string;
  error?: string | null;
  hint?: string;
}

/** Label, hint and error wired to the control (aria-describedby, aria-invalid). */
function useFieldIds(error?: string | null, hint?: string) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return { id, hintId, errorId, describedBy, invalid: error ? true : undefined };
}

function Extras({
  hint,
  hintId,
  error,
  errorId,
}: {
  hint?: string;
  hintId?: string;
  error?: string | null;
  errorId?: string;
}) {
  return (
    <>
      {hint && (
        <span id={hintId} className="field__hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={errorId} className="field__error">
          {error}
        </span>
      )}
    </>
  );
}

export function TextField(
  props: FieldShell & {
    value: string;
    onChange: (value: string) => void;
    type?: 'text' | 'password' | 'search' | 'date';
    autoComplete?: string;
    required?: boolean;
    maxLength?: number;
    name?: string;
  },
) {
  const ids = useFieldIds(props.error, props.hint);
  return (
    <div className="field">
      <label htmlFor={ids.id} className="field__label">
        {props.label}
      </label>
      <Extras hint={props.hint} hintId={ids.hintId} error={props.error} errorId={ids.errorId} />
      <input
        id={ids.id}
        name={props.name}
        className="field__input"
        type={props.type ?? 'text'}
        value={props.value}
        autoComplete={props.autoComplete}
        required={props.required}
        aria-required={props.required}
        maxLength={props.maxLength}
        aria-invalid={ids.invalid}
        aria-describedby={ids.describedBy}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </div>
  );
}

export function TextArea(
  props: FieldShell & {
    value: string;
    onChange: (value: string) => void;
    maxLength?: number;
    required?: boolean;
  },
) {
  const ids = useFieldIds(props.error, props.hint);
  return (
    <div className="field">
      <label htmlFor={ids.id} className="field__label">
        {props.label}
      </label>
      <Extras hint={props.hint} hintId={ids.hintId} error={props.error} errorId={ids.errorId} />
      <textarea
        id={ids.id}
        className="field__input"
        rows={3}
        value={props.value}
        required={props.required}
        aria-required={props.required}
        maxLength={props.maxLength}
        aria-invalid={ids.invalid}
        aria-describedby={ids.describedBy}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </div>
  );
}

export function SelectField(
  props: FieldShell & {
    value: string;
    onChange: (value: string) => void;
    children: ReactNode;
    required?: boolean;
  },
) {
  const ids = useFieldIds(props.error, props.hint);
  return (
    <div className="field">
      <label htmlFor={ids.id} className="field__label">
        {props.label}
      </label>
      <Extras hint={props.hint} hintId={ids.hintId} error={props.error} errorId={ids.errorId} />
      <select
        id={ids.id}
        className="field__input"
        value={props.value}
        required={props.required}
        aria-required={props.required}
        aria-invalid={ids.invalid}
        aria-describedby={ids.describedBy}
        onChange={(event) => props.onChange(event.target.value)}
      >
        {props.children}
      </select>
    </div>
  );
}

export function CheckboxField(props: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
}) {
  const ids = useFieldIds(null, props.hint);
  return (
    <div className="field field--checkbox">
      <input
        id={ids.id}
        type="checkbox"
        checked={props.checked}
        aria-describedby={ids.describedBy}
        onChange={(event) => props.onChange(event.target.checked)}
      />
      <label htmlFor={ids.id}>{props.label}</label>
      <Extras hint={props.hint} hintId={ids.hintId} />
    </div>
  );
}
