import { useId } from 'react';

export interface RadioCardOption<T extends string | number> {
  value: T;
  title: string;
  description?: string;
}

/**
 * A choice of one among a few, each explained: native radio buttons in a fieldset (arrow keys move
 * between them, the legend names the group), styled as cards whose label holds the title and the
 * description. The hint and the error are tied to the group.
 */
export function RadioCards<T extends string | number>(props: {
  legend: string;
  name: string;
  options: readonly RadioCardOption<T>[];
  value: T | null;
  onChange: (value: T) => void;
  error?: string | null;
  hint?: string;
}) {
  const id = useId();
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = props.error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="radio-cards" aria-describedby={describedBy}>
      <legend className="field__label">{props.legend}</legend>
      {props.hint && (
        <span id={hintId} className="field__hint">
          {props.hint}
        </span>
      )}
      {props.error && (
        <span id={errorId} className="field__error">
          {props.error}
        </span>
      )}
      <div className="radio-cards__list">
        {props.options.map((option) => {
          const optionId = `${id}-${String(option.value)}`;
          return (
            <div key={option.value} className="radio-card" data-checked={props.value === option.value}>
              <input
                id={optionId}
                type="radio"
                name={props.name}
                value={String(option.value)}
                checked={props.value === option.value}
                onChange={() => props.onChange(option.value)}
              />
              <label htmlFor={optionId} className="radio-card__label">
                <span className="radio-card__title">{option.title}</span>
                {option.description && <span className="radio-card__description">{option.description}</span>}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
