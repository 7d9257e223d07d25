import { describe, expect, it } from 'vitest';
import {
  ASPECTS,
  answersFrom,
  aspectIssues,
  draftFields,
  emptyAnswers,
  firstOpenStep,
  hasChanges,
  mayPropose,
  nextStep,
  previousStep,
  specialHandlingAspects,
  type Answers,
} from './wizard-model';

const full = (): Answers => ({
  K: { level: 3, rationale: 'Sekretess enligt 26 kap. 1 § OSL.' },
  R: { level: 3, rationale: 'Underlag för myndighetsutövning.' },
  T: { level: 2, rationale: 'Klarar en arbetsdag utan.' },
  S: { level: 3, rationale: 'Logguppföljning krävs.' },
});

describe('classification wizard model', () => {
  it('walks K, R, T, S and the summary, and stops at both ends', () => {
    expect(nextStep('K')).toBe('R');
    expect(nextStep('S')).toBe('summary');
    expect(nextStep('summary')).toBe('summary');
    expect(previousStep('R')).toBe('K');
    expect(previousStep('K')).toBe('K');
  });

  it('asks for a level and a motivation on every aspect', () => {
    expect(aspectIssues({ level: null, rationale: '' })).toEqual(['LEVEL_REQUIRED', 'RATIONALE_REQUIRED']);
    expect(aspectIssues({ level: 0, rationale: '   ' })).toEqual(['RATIONALE_REQUIRED']);
    expect(aspectIssues({ level: 0, rationale: 'Offentlig information.' })).toEqual([]);
  });

  it('opens at the first aspect still missing something, else at the summary', () => {
    expect(firstOpenStep(emptyAnswers())).toBe('K');
    const answers = full();
    answers.T = { level: 2, rationale: '' };
    expect(firstOpenStep(answers)).toBe('T');
    expect(firstOpenStep(full())).toBe('summary');
  });

  it('proposes only with four levels 0–3 and four motivations', () => {
    expect(mayPropose(full())).toBe(true);
    const missing = full();
    missing.S = { level: null, rationale: 'x' };
    expect(mayPropose(missing)).toBe(false);
    expect(mayPropose(emptyAnswers())).toBe(false);
  });

  it('level 4 is special handling: never saved as a level, and no proposal', () => {
    const answers = full();
    answers.K = { level: 4, rationale: 'Säkerhetsskyddsklassificerade uppgifter.' };
    expect(specialHandlingAspects(answers)).toEqual(['K']);
    expect(mayPropose(answers)).toBe(false);
    const fields = draftFields(answers);
    expect(fields.levelK).toBeNull();
    expect(fields.rationaleK).toBe('Säkerhetsskyddsklassificerade uppgifter.');
  });

  it('saves trimmed motivations and blanks as null', () => {
    const answers = emptyAnswers();
    answers.R = { level: 1, rationale: '  Fel upptäcks lätt.  ' };
    expect(draftFields(answers)).toEqual({
      levelK: null,
      levelR: 1,
      levelT: null,
      levelS: null,
      rationaleK: null,
      rationaleR: 'Fel upptäcks lätt.',
      rationaleT: null,
      rationaleS: null,
    });
  });

  const saved = (answers: Answers) => ({
    aspects: ASPECTS.map((aspect) => {
      const fields = draftFields(answers);
      return { aspect, level: fields[`level${aspect}`], rationale: fields[`rationale${aspect}`] };
    }),
  });

  it('reads a saved draft back, and knows when nothing changed', () => {
    const stored = saved(full());
    const answers = answersFrom(stored);
    expect(answers).toEqual(full());
    expect(hasChanges(answers, stored)).toBe(false);
    answers.T = { level: 3, rationale: answers.T.rationale };
    expect(hasChanges(answers, stored)).toBe(true);
    expect(answersFrom(null)).toEqual(emptyAnswers());
  });

  it('ignores a stored value outside 0–4', () => {
    const answers = answersFrom({
      aspects: [
        { aspect: 'K', level: 7, rationale: 'x' },
        { aspect: 'X', level: 1, rationale: 'y' },
      ],
    });
    expect(answers.K).toEqual({ level: null, rationale: 'x' });
    expect(Object.keys(answers)).toEqual(['K', 'R', 'T', 'S']);
  });
});
