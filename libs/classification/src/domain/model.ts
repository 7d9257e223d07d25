/**
 * The classification model (domain.md §4b, D-11): the four aspects K/R/T/S, the consequence levels
 * 0–4 and the default, KLASSA-compatible model every tenant starts from. Pure data.
 */

type Labels = { readonly sv: string; readonly en: string };

export const ASPECTS = ['K', 'R', 'T', 'S'] as const;
export type Aspect = (typeof ASPECTS)[number];

/** A level as stored: 0–3. Level 4 is never stored (BR-B6); it is special handling. */
export const STORED_LEVELS = [0, 1, 2, 3] as const;
export type Level = (typeof STORED_LEVELS)[number];
export const MAX_STORED_LEVEL: Level = 3;

/** One level per aspect; null where nothing sets a level (an aspect with no contribution). */
export type Levels = Record<Aspect, Level | null>;
export const NO_LEVELS: Levels = Object.freeze({ K: null, R: null, T: null, S: null });

export function isLevel(value: unknown): value is Level {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_STORED_LEVEL;
}

export interface ModelAspect {
  readonly code: Aspect;
  readonly nameSv: string;
  readonly nameEn: string;
  readonly questionSv: string;
}

export interface ModelLevel {
  readonly value: 0 | 1 | 2 | 3 | 4;
  readonly nameSv: string;
  readonly nameEn: string;
  readonly descriptionSv: string;
  /** Level 4 (Synnerligen allvarlig) is handled outside the platform: special handling. */
  readonly handledInPlatform: boolean;
}

/** Questions that help the samordnare place an aspect at a level (one band per level 1–4). */
export interface GuidingQuestions {
  readonly aspect: Aspect;
  readonly level: 1 | 2 | 3 | 4;
  readonly questionsSv: readonly string[];
}

export interface ClassificationModel {
  readonly version: number;
  readonly aspects: readonly ModelAspect[];
  readonly levels: readonly ModelLevel[];
  readonly guidingQuestions: readonly GuidingQuestions[];
  readonly consequenceCategories: readonly string[];
  readonly reviewIntervalMonths: number;
  readonly status: 'DRAFT' | 'ACTIVE' | 'RETIRED';
}

export const ASPECT_LABELS: Record<Aspect, Labels> = {
  K: { sv: 'Konfidentialitet', en: 'Confidentiality' },
  R: { sv: 'Riktighet', en: 'Integrity' },
  T: { sv: 'Tillgänglighet', en: 'Availability' },
  S: { sv: 'Spårbarhet', en: 'Traceability' },
};

/** MSB's consequence categories (domain.md §4b). */
export const DEFAULT_CONSEQUENCE_CATEGORIES = [
  'ekonomisk förlust',
  'påverkan på verksamheten',
  'bristande efterlevnad av rättsliga krav',
  'skadat förtroende',
  'skada på annan organisation eller samhället',
  'personskada',
] as const;

export const DEFAULT_REVIEW_INTERVAL_MONTHS = 12;

const LEVELS: readonly ModelLevel[] = [
  {
    value: 0,
    nameSv: 'Försumbar',
    nameEn: 'Negligible',
    descriptionSv:
      'Ingen eller obetydlig skada: informationen är allmän eller redan offentlig och ett fel märks knappt i verksamheten.',
    handledInPlatform: true,
  },
  {
    value: 1,
    nameSv: 'Måttlig',
    nameEn: 'Moderate',
    descriptionSv:
      'Begränsad skada som verksamheten hanterar inom ordinarie rutiner: viss merarbete, kortare förseningar, mindre ekonomisk förlust eller enstaka klagomål.',
    handledInPlatform: true,
  },
  {
    value: 2,
    nameSv: 'Betydande',
    nameEn: 'Significant',
    descriptionSv:
      'Märkbar skada för enskilda eller verksamheten: integritetsintrång, felaktiga beslut som måste rättas, avbrott som påverkar invånare, kritik från tillsynsmyndighet eller negativ uppmärksamhet.',
    handledInPlatform: true,
  },
  {
    value: 3,
    nameSv: 'Allvarlig',
    nameEn: 'Serious',
    descriptionSv:
      'Allvarlig skada: röjda sekretessuppgifter eller känsliga personuppgifter, fara för hälsa eller säkerhet, allvarliga fel i myndighetsutövning, långa avbrott i samhällsviktig verksamhet eller stor ekonomisk förlust.',
    handledInPlatform: true,
  },
  {
    value: 4,
    nameSv: 'Synnerligen allvarlig',
    nameEn: 'Exceptionally serious',
    descriptionSv:
      'Synnerligen allvarlig skada för Sveriges säkerhet eller för många människors liv och hälsa. Hanteras utanför plattformen som särskild hantering (säkerhetsskydd); inga nivåer lagras.',
    handledInPlatform: false,
  },
];

const ASPECTS_DEFAULT: readonly ModelAspect[] = [
  {
    code: 'K',
    nameSv: 'Konfidentialitet',
    nameEn: 'Confidentiality',
    questionSv: 'Vad blir skadan om informationen hamnar i orätta händer?',
  },
  {
    code: 'R',
    nameSv: 'Riktighet',
    nameEn: 'Integrity',
    questionSv: 'Vad blir skadan om informationen inte är korrekt?',
  },
  {
    code: 'T',
    nameSv: 'Tillgänglighet',
    nameEn: 'Availability',
    questionSv: 'Vad blir skadan om informationen inte är tillgänglig?',
  },
  {
    code: 'S',
    nameSv: 'Spårbarhet',
    nameEn: 'Traceability',
    questionSv: 'Vad blir skadan om det inte går att följa upp vem som gjort vad med informationen?',
  },
];

const GUIDING_QUESTIONS: readonly GuidingQuestions[] = [
  // Konfidentialitet
  {
    aspect: 'K',
    level: 1,
    questionsSv: [
      'Är informationen avsedd för internt bruk men inte sekretessbelagd, till exempel interna arbetsanteckningar eller scheman?',
      'Skulle ett röjande mest leda till irritation eller merarbete, utan skada för någon enskild?',
    ],
  },
  {
    aspect: 'K',
    level: 2,
    questionsSv: [
      'Innehåller informationen personuppgifter som kan leda till integritetsintrång om de sprids, till exempel kontaktuppgifter eller frånvaro?',
      'Skulle uppgifterna kunna omfattas av sekretess enligt OSL i vissa fall, till exempel affärsuppgifter i en upphandling?',
      'Skulle ett röjande väcka negativ uppmärksamhet i media eller leda till kritik från IMY?',
    ],
  },
  {
    aspect: 'K',
    level: 3,
    questionsSv: [
      'Skulle uppgifterna omfattas av sekretess enligt OSL, till exempel 26 kap. 1 § (socialtjänst) eller 25 kap. 1 § (hälso- och sjukvård)?',
      'Innehåller informationen känsliga personuppgifter (GDPR art. 9), uppgifter om lagöverträdelser eller skyddade personuppgifter?',
      'Kan ett röjande leda till fara för någons liv, hälsa eller säkerhet, till exempel för en person med skyddat boende?',
    ],
  },
  {
    aspect: 'K',
    level: 4,
    questionsSv: [
      'Rör informationen säkerhetskänslig verksamhet eller uppgifter som omfattas av 15 kap. 2 § OSL (försvarssekretess)?',
      'Skulle ett röjande kunna skada Sveriges säkerhet? Då hanteras informationen som särskild hantering utanför plattformen.',
    ],
  },
  // Riktighet
  {
    aspect: 'R',
    level: 1,
    questionsSv: [
      'Upptäcks ett fel lätt och kan det rättas utan att någon påverkas, till exempel en felaktig uppgift på intranätet?',
      'Används informationen bara som underlag för interna, lätt reversibla beslut?',
    ],
  },
  {
    aspect: 'R',
    level: 2,
    questionsSv: [
      'Skulle felaktig information leda till felaktiga beslut som måste omprövas, eller till fel utbetalning av mindre belopp?',
      'Publiceras informationen utåt så att fel kan vilseleda invånare eller företag?',
      'Krävs tidskrävande utredning för att hitta och rätta ett fel?',
    ],
  },
  {
    aspect: 'R',
    level: 3,
    questionsSv: [
      'Ligger informationen till grund för myndighetsutövning mot enskild, till exempel biståndsbeslut, placeringar eller barnavårdsutredningar?',
      'Kan felaktig information leda till fel vård, fel medicinering eller att ett barn inte får skydd?',
      'Är informationen bevarad för all framtid eller bevis i rättslig prövning, så att ändringar måste kunna uteslutas?',
    ],
  },
  {
    aspect: 'R',
    level: 4,
    questionsSv: [
      'Kan manipulerad information skada Sveriges säkerhet eller styrningen av samhällsviktig verksamhet i stor skala? Då gäller särskild hantering.',
      'Skulle ett fel kunna leda till att många människor skadas allvarligt, till exempel genom manipulerade styrsystem?',
    ],
  },
  // Tillgänglighet
  {
    aspect: 'T',
    level: 1,
    questionsSv: [
      'Klarar verksamheten sig utan informationen i en vecka eller mer med manuella rutiner?',
      'Leder ett avbrott mest till förseningar som kan tas igen i efterhand?',
    ],
  },
  {
    aspect: 'T',
    level: 2,
    questionsSv: [
      'Påverkar ett avbrott på en arbetsdag invånarnas service, till exempel att ansökningar eller utbetalningar försenas?',
      'Krävs informationen för att hålla lagstadgade tidsfrister?',
    ],
  },
  {
    aspect: 'T',
    level: 3,
    questionsSv: [
      'Behövs informationen inom timmar för att skydda liv, hälsa eller egendom, till exempel journaler, trygghetslarm eller orosanmälningar?',
      'Stannar samhällsviktig verksamhet som vattenförsörjning, lönekörning eller krisledning utan informationen?',
      'Finns det ingen fungerande reservrutin om informationen inte går att nå?',
    ],
  },
  {
    aspect: 'T',
    level: 4,
    questionsSv: [
      'Kan ett avbrott få synnerligen allvarliga följder för Sveriges säkerhet eller för många människors liv? Då gäller särskild hantering.',
      'Ingår informationen i säkerhetskänslig verksamhet enligt säkerhetsskyddslagen?',
    ],
  },
  // Spårbarhet
  {
    aspect: 'S',
    level: 1,
    questionsSv: [
      'Räcker det att veta vilken enhet som hanterat informationen, utan att följa enskilda användare?',
      'Saknar informationen personuppgifter och krav på att visa vem som gjort vad?',
    ],
  },
  {
    aspect: 'S',
    level: 2,
    questionsSv: [
      'Behandlas personuppgifter så att den registrerade kan begära att få veta vem som tagit del av dem?',
      'Behöver ändringar och beslut kunna knytas till en viss handläggare i efterhand?',
    ],
  },
  {
    aspect: 'S',
    level: 3,
    questionsSv: [
      'Krävs logguppföljning enligt lag eller föreskrift, till exempel patientdatalagen eller socialtjänstens dokumentationskrav?',
      'Behöver obehörig läsning av enskilda akter kunna upptäckas och bevisas, till exempel vid misstänkt dataintrång?',
      'Skulle bristande spårbarhet omöjliggöra utredning av en personuppgiftsincident eller ett lex Sarah-ärende?',
    ],
  },
  {
    aspect: 'S',
    level: 4,
    questionsSv: [
      'Gäller spårbarheten åtkomst till säkerhetsskyddsklassificerade uppgifter? Då hanteras informationen som särskild hantering.',
      'Krävs spårbarhet för att kunna upptäcka säkerhetshotande verksamhet?',
    ],
  },
];

/** The default model of every tenant (D-11): KLASSA-compatible aspects and levels, MSB's categories. */
export const DEFAULT_CLASSIFICATION_MODEL: ClassificationModel = {
  version: 1,
  aspects: ASPECTS_DEFAULT,
  levels: LEVELS,
  guidingQuestions: GUIDING_QUESTIONS,
  consequenceCategories: DEFAULT_CONSEQUENCE_CATEGORIES,
  reviewIntervalMonths: DEFAULT_REVIEW_INTERVAL_MONTHS,
  status: 'ACTIVE',
};

/** The Swedish name of a level, e.g. `2 Betydande`. */
export function levelName(value: number, model: ClassificationModel = DEFAULT_CLASSIFICATION_MODEL): string {
  const level = model.levels.find((l) => l.value === value);
  return level ? level.nameSv : String(value);
}
