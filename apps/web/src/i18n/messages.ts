import { en } from './en';
import { type MessageKey, type Messages, sv } from './sv';

export type { MessageKey, Messages };
export const LOCALES = ['sv', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Swedish first (the default); English must carry exactly the same keys (typed, and tested). */
export const catalogues: Record<Locale, Messages> = { sv, en };
