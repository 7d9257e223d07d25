/**
 * The classification wizard's logic, free of React: one step per aspect K, R, T, S and a summary. A
 * level 0–3 with a motivation is what the server needs to accept a proposal (DRAFT → PROPOSED);
 * level 4 is never stored (BR-B6): choosing it means the informationsägare routes the set to
 * särskild hantering, so the wizard saves no level for that aspect and offers no proposal.
 */

export const ASPECTS = ['K', 'R', 'T', 'S'] as const;
export type Aspect = (typeof ASPECTS)[number];

/** What the samordnare may choose: 0–3 are stored, 4 is special handling. */
export const CHOICES = [0, 1, 2, 3, 4] as const;
export type Choice = (typeof CHOICES)[number];
export const SPECIAL_HANDLING_LEVEL: Choice = 4;

export type WizardStep = Aspect | 'summary';
export const WIZARD_STEPS: readonly WizardStep[] = [...ASPECTS, 'summary'];

export interface AspectAnswer {
  level: Choice | null;
  rationale: string;
}
export type Answers = Record<Aspect, AspectAnswer>;

/** The fields of a classification the wizard reads and writes (the API's names). */
export interface ClassificationFields {
  levelK: number | null;
  levelR: number | null;
  levelT: number | null;
  levelS: number | null;
  rationaleK: string | null;
  rationaleR: string | null;
  rationaleT: string | null;
  rationaleS: string | null;
}

const levelKey = (a: Aspect) => `level${a}` as const;
const rationaleKey = (a: Aspect) => `rationale${a}` as const;

const isChoice = (value: unknown): value is Choice => (CHOICES as readonly unknown[]).includes(value);

export function emptyAnswers(): Answers {
  return { K: blankAnswer(), R: blankAnswer(), T: blankAnswer(), S: blankAnswer() };
}
const blankAnswer = (): AspectAnswer => ({ level: null, rationale: '' });

/** A classification as the API answers it: one entry per aspect with its level and motivation. */
export interface SavedAspects {
  aspects: readonly { aspect: string; level: number | null; rationale: string | null }[];
}

/** The answers a saved draft (or a proposal) already holds. */
export function answersFrom(c: SavedAspects | null | undefined): Answers {
  const answers = emptyAnswers();
  for (const saved of c?.aspects ?? []) {
    if (!(ASPECTS as readonly string[]).includes(saved.aspect)) continue;
    answers[saved.aspect as Aspect] = {
      level: isChoice(saved.level) ? saved.level : null,
      rationale: saved.rationale ?? '',
    };
  }
  return answers;
}

export type AspectIssue = 'LEVEL_REQUIRED' | 'RATIONALE_REQUIRED';

/** What is missing on one aspect: a level, and a motivation for it. */
export function aspectIssues(answer: AspectAnswer): AspectIssue[] {
  const issues: AspectIssue[] = [];
  if (answer.level === null) issues.push('LEVEL_REQUIRED');
  if (answer.rationale.trim() === '') issues.push('RATIONALE_REQUIRED');
  return issues;
}

export const isComplete = (answer: AspectAnswer) => aspectIssues(answer).length === 0;

/** Aspects answered with level 4: the set belongs in special handling (decided by the owner). */
export const specialHandlingAspects = (answers: Answers): Aspect[] =>
  ASPECTS.filter((a) => answers[a].level === SPECIAL_HANDLING_LEVEL);

/** The step to open: the first aspect still missing something, else the summary. */
export function firstOpenStep(answers: Answers): WizardStep {
  return ASPECTS.find((a) => !isComplete(answers[a])) ?? 'summary';
}

export function nextStep(step: WizardStep): WizardStep {
  const index = WIZARD_STEPS.indexOf(step);
  return WIZARD_STEPS[Math.min(index + 1, WIZARD_STEPS.length - 1)];
}

export function previousStep(step: WizardStep): WizardStep {
  const index = WIZARD_STEPS.indexOf(step);
  return WIZARD_STEPS[Math.max(index - 1, 0)];
}

/** A proposal needs all four aspects at 0–3 with motivations (the server checks the same). */
export function mayPropose(answers: Answers): boolean {
  return ASPECTS.every((a) => isComplete(answers[a])) && specialHandlingAspects(answers).length === 0;
}

/** The draft as the API stores it: level 4 and unanswered aspects are saved without a level. */
export function draftFields(answers: Answers): ClassificationFields {
  const fields = {} as Record<string, number | string | null>;
  for (const a of ASPECTS) {
    const { level, rationale } = answers[a];
    fields[levelKey(a)] = level === null || level === SPECIAL_HANDLING_LEVEL ? null : level;
    fields[rationaleKey(a)] = rationale.trim() === '' ? null : rationale.trim();
  }
  return fields as unknown as ClassificationFields;
}

/** True when the answers differ from what is saved (so "Spara utkast" has something to do). */
export function hasChanges(answers: Answers, saved: SavedAspects | null | undefined): boolean {
  const now = draftFields(answers);
  const before = draftFields(answersFrom(saved));
  return ASPECTS.some(
    (a) => now[levelKey(a)] !== before[levelKey(a)] || now[rationaleKey(a)] !== before[rationaleKey(a)],
  );
}
