import type { DemoAsset, DemoAssetDependency, DemoInformationSet } from './exempelby.types';

const OSL_SOC = '26 kap. 1 § OSL';
const OSL_HSL = '25 kap. 1 § OSL';
const OSL_SEC = '18 kap. 8 § OSL';
const VARIES = 'Sekretess varierar med handlingen.';

const set = (
  code: string,
  name: string,
  unit: string,
  owner: string | null,
  pu: DemoInformationSet['pu'],
  secrecyProvisions: string[] = [],
  extra: Partial<DemoInformationSet> = {},
): DemoInformationSet => ({ code, name, unit, owner, pu, secrecyProvisions, ...extra });

/** The 40 information sets of domain.md §6.3 (K03: seven without an owner). */
export const EXEMPELBY_INFORMATION_SETS: DemoInformationSet[] = [
  set('IM-01', 'Diarium och nämndhandlingar', 'KLF-KAN', 'per.dahlgren', ['P']),
  set('IM-02', 'Personalakter', 'KLF-HR', 'per.dahlgren', ['P', '9'], ['39 kap. OSL']),
  set('IM-03', 'Lönedata och utbetalningsunderlag', 'KLF-HR', 'per.dahlgren', ['P']),
  set(
    'IM-04',
    'Krisledningsdokumentation (loggbok, lägesbilder)',
    'KLF-SAK',
    'per.dahlgren',
    ['P'],
    ['18 kap. 13 § OSL'],
  ),
  // Säkerhetsskydd (15 kap. 2 § OSL): BR-A6 keeps code, name, owner and unit only.
  set('IM-05', 'Säkerhetsskyddsklassificerade uppgifter', 'KLF-SAK', 'per.dahlgren', [], [], {
    specialHandling: true,
  }),
  set('IM-06', 'Bevarade handlingar i e-arkiv', 'KLF-ARK', 'per.dahlgren', ['P'], [], {
    description: VARIES,
  }),
  set('IM-07', 'Upphandlingsdokument och avtal', 'KLF', 'per.dahlgren', []),
  set('IM-08', 'Publicerad webbinformation', 'KLF', 'per.dahlgren', []),
  set('IM-09', 'Barnavårdsutredningar', 'IFF-UTR', 'petter.akesson', ['P', '9', 'B'], [OSL_SOC]),
  set(
    'IM-10',
    'Orosanmälningar och förhandsbedömningar',
    'IFF-MOT',
    'petter.akesson',
    ['P', '9', 'B'],
    [OSL_SOC],
  ),
  set(
    'IM-11',
    'Skyddade personuppgifter och skyddat boende',
    'IFF',
    'helena.strand',
    ['P', '9', 'SI'],
    [OSL_SOC],
  ),
  set('IM-12', 'Ansökningar och beslut om ekonomiskt bistånd', 'IFF-FOR', 'lena.holmgren', ['P'], [OSL_SOC]),
  set('IM-13', 'Utbetalningsunderlag försörjningsstöd', 'IFF-FOR', 'lena.holmgren', ['P'], [OSL_SOC]),
  set('IM-14', 'Familjehemsutredningar', 'IFF-FAM', 'helena.strand', ['P', '9', 'B'], [OSL_SOC]),
  set('IM-15', 'Avvikelser och lex Sarah-utredningar', 'IFF', 'helena.strand', ['P', '9'], [OSL_SOC]),
  set('IM-16', 'Deltagarakter arbetsmarknadsinsatser', 'ALF-ARB', null, ['P', '9'], [OSL_SOC]),
  set('IM-17', 'Etableringsuppgifter nyanlända', 'ALF-INT', null, ['P', '9'], [OSL_SOC]),
  set(
    'IM-18',
    'Elevhälsojournaler',
    'GSF-EHT',
    'elsa.kronberg',
    ['P', '9', 'B'],
    ['23 kap. 2 § OSL', OSL_HSL],
  ),
  set('IM-19', 'Betyg, IUP och åtgärdsprogram', 'GSF', 'annika.holmqvist', ['P', 'B'], ['23 kap. OSL']),
  set('IM-20', 'Frånvaro och närvaro', 'GSF', 'annika.holmqvist', ['P', 'B']),
  set('IM-21', 'Elevkonton och inloggningsuppgifter', 'GSF', 'annika.holmqvist', ['P', 'B'], [OSL_SEC]),
  set('IM-22', 'Utredningar om särskilt stöd', 'GSF', 'annika.holmqvist', ['P', '9', 'B'], ['23 kap. OSL']),
  // The owner left 2026-08-31 and no successor has been appointed.
  set('IM-23', 'Barnomsorgsplaceringar och kö', 'FSF', null, ['P', 'B']),
  set('IM-24', 'Vårdnadshavares kontaktuppgifter, förskola', 'FSF', null, ['P', 'B']),
  set('IM-25', 'Antagning och studiedokumentation, gymnasiet', 'GVF', null, ['P'], ['23 kap. OSL']),
  set(
    'IM-26',
    'Hälso- och sjukvårdsjournaler (kommunal HSL)',
    'VOF-HSL',
    'birgitta.sundin',
    ['P', '9'],
    [OSL_HSL],
  ),
  set('IM-27', 'Biståndsbeslut äldreomsorg', 'VOF-BIS', 'birgitta.sundin', ['P', '9'], [OSL_SOC]),
  set(
    'IM-28',
    'Genomförandeplaner och social dokumentation',
    'VOF-HEM',
    'birgitta.sundin',
    ['P', '9'],
    [OSL_SOC],
  ),
  set('IM-29', 'Trygghetslarm, larm och nyckelhantering', 'VOF-HEM', 'birgitta.sundin', ['P'], [OSL_SOC]),
  set('IM-30', 'Schema- och bemanningsdata', 'VOF', 'birgitta.sundin', ['P']),
  set('IM-31', 'Säkerhets- och behörighetsloggar', 'SK-DRIFT', 'maja.fredriksson', ['P'], [OSL_SEC]),
  set('IM-32', 'Användarkonton och behörigheter', 'SK-DRIFT', 'maja.fredriksson', ['P'], [OSL_SEC]),
  set('IM-33', 'Nätverks- och brandväggskonfiguration', 'SK-DRIFT', 'maja.fredriksson', [], [OSL_SEC]),
  set('IM-34', 'Servicedeskärenden', 'SK-SD', 'lars.oberg', ['P']),
  set('IM-35', 'E-post (kommungemensam informationstyp)', 'SK', 'lars.oberg', ['P'], [], {
    description: VARIES,
  }),
  set('IM-36', 'Låntagarregister, bibliotek', 'KFF-BIB', null, ['P'], ['40 kap. OSL']),
  set('IM-37', 'Geodata och detaljplaner', 'SBF-PLAN', 'jan.ahlberg', []),
  set('IM-38', 'VA-ledningsnät och driftdata', 'EVE-DRIFT', 'therese.blom', [], [OSL_SEC]),
  set('IM-39', 'Styrsystemets larm- och processdata', 'EVE-DRIFT', 'therese.blom', [], [OSL_SEC]),
  set('IM-40', 'Hyresgästregister', 'EBH', null, ['P']),
];

/** `IM-09`–`IM-15` → the seven codes. */
const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `IM-${String(from + i).padStart(2, '0')}`);

const asset = (
  code: string,
  name: string,
  type: DemoAsset['type'],
  unit: string,
  owner: string | null,
  systemManager: string | null,
  hosting: DemoAsset['hosting'],
  informationSets: string[],
  extra: Partial<DemoAsset> = {},
): DemoAsset => ({ code, name, type, unit, owner, systemManager, hosting, informationSets, ...extra });

const MDC = 'MUNICIPAL_DATACENTRE';
const SE = 'SWEDISH_SUPPLIER';
const EU = 'EU_SUPPLIER';
const OP = 'ON_PREMISES';
/** Runs in Servicekontoret's datacentre for another förvaltning (D-03). */
const BY_SK = { provider: 'SK-DRIFT' };
/** EU supplier with a third-country sub-processor (†). */
const THIRD_COUNTRY = { thirdCountryProcessing: true };

/** The 30 assets of domain.md §6.4 (K04: three without an owner). */
export const EXEMPELBY_ASSETS: DemoAsset[] = [
  asset(
    'AS-01',
    'Ärendehanteringssystem för socialtjänst',
    'IT_SYSTEM',
    'IFF',
    'helena.strand',
    'daniel.nyberg',
    MDC,
    [...range(9, 15), 'IM-27', 'IM-28'],
    BY_SK,
  ),
  asset(
    'AS-02',
    'Journalsystem för kommunal hälso- och sjukvård',
    'IT_SYSTEM',
    'VOF',
    'birgitta.sundin',
    'daniel.nyberg',
    SE,
    ['IM-26'],
  ),
  // The pupil-health pattern (seed 004 L2990): third-country storage, two-factor required.
  asset('AS-03', 'Elevhälsojournal', 'IT_SYSTEM', 'GSF-EHT', 'elsa.kronberg', 'sara.ekstrom', EU, ['IM-18'], {
    ...THIRD_COUNTRY,
    mfaRequired: true,
  }),
  asset('AS-04', 'Skoladministrativt system', 'IT_SYSTEM', 'GSF', 'annika.holmqvist', 'sara.ekstrom', SE, [
    'IM-19',
    'IM-20',
    'IM-22',
  ]),
  asset(
    'AS-05',
    'Lärplattform med vårdnadshavarkommunikation',
    'IT_SYSTEM',
    'GSF',
    'annika.holmqvist',
    'sara.ekstrom',
    EU,
    ['IM-19', 'IM-21'],
    THIRD_COUNTRY,
  ),
  asset('AS-06', 'Barnomsorgssystem (placering och kö)', 'IT_SYSTEM', 'FSF', null, null, SE, [
    'IM-23',
    'IM-24',
  ]),
  asset('AS-07', 'Lönesystem med HR-modul', 'IT_SYSTEM', 'SK-LON', 'lars.oberg', 'daniel.nyberg', MDC, [
    'IM-02',
    'IM-03',
  ]),
  asset(
    'AS-08',
    'Ärende- och dokumenthanteringssystem (diarium)',
    'IT_SYSTEM',
    'KLF-KAN',
    'per.dahlgren',
    'daniel.nyberg',
    MDC,
    ['IM-01', 'IM-07'],
    BY_SK,
  ),
  asset(
    'AS-09',
    'E-arkiv',
    'IT_SYSTEM',
    'KLF-ARK',
    'per.dahlgren',
    'daniel.nyberg',
    MDC,
    ['IM-06', 'IM-01'],
    BY_SK,
  ),
  asset('AS-10', 'E-post och kalender', 'IT_SYSTEM', 'SK', 'lars.oberg', 'daniel.nyberg', EU, ['IM-35']),
  asset(
    'AS-11',
    'Katalogtjänst och identitetshantering',
    'IT_COMPONENT',
    'SK-DRIFT',
    'maja.fredriksson',
    'daniel.nyberg',
    MDC,
    ['IM-32'],
    { subtype: 'IDENTITY' },
  ),
  asset(
    'AS-12',
    'Säkerhetskopiering',
    'IT_COMPONENT',
    'SK-DRIFT',
    'maja.fredriksson',
    'daniel.nyberg',
    MDC,
    [],
    { subtype: 'BACKUP' },
  ),
  asset(
    'AS-13',
    'Brandväggar och perimeterskydd',
    'IT_COMPONENT',
    'SK-DRIFT',
    'maja.fredriksson',
    null,
    MDC,
    ['IM-33'],
    { subtype: 'FIREWALL' },
  ),
  asset(
    'AS-14',
    'Kommunnät (LAN, WLAN)',
    'IT_COMPONENT',
    'SK-DRIFT',
    'maja.fredriksson',
    null,
    MDC,
    ['IM-33'],
    { subtype: 'NETWORK_EQUIPMENT' },
  ),
  asset('AS-15', 'Serverhall Stadshuset', 'SPACE', 'SK-DRIFT', 'maja.fredriksson', null, OP, []),
  asset(
    'AS-16',
    'Central loggplattform',
    'IT_COMPONENT',
    'SK-DRIFT',
    'maja.fredriksson',
    'daniel.nyberg',
    MDC,
    ['IM-31'],
    { subtype: 'LOGGING' },
  ),
  asset('AS-17', 'Servicedesksystem', 'IT_SYSTEM', 'SK-SD', 'lars.oberg', 'daniel.nyberg', SE, ['IM-34']),
  asset('AS-18', 'Kommunens webbplats', 'IT_SYSTEM', 'KLF', 'per.dahlgren', 'daniel.nyberg', SE, ['IM-08']),
  asset('AS-19', 'Arkivlokal Stadshuset', 'PHYSICAL_STORAGE', 'KLF-ARK', 'per.dahlgren', null, OP, [
    'IM-06',
    'IM-02',
  ]),
  asset(
    'AS-20',
    'Närarkiv socialtjänsten (låsta skåp)',
    'PHYSICAL_STORAGE',
    'IFF',
    'helena.strand',
    null,
    OP,
    ['IM-09', 'IM-14'],
  ),
  asset(
    'AS-21',
    'Trygghetslarmtjänst (larmcentral hos leverantör)',
    'EXTERNAL_SERVICE',
    'VOF',
    'birgitta.sundin',
    null,
    SE,
    ['IM-29'],
  ),
  asset(
    'AS-22',
    'Process: handläggning av ekonomiskt bistånd',
    'PROCESS',
    'IFF-FOR',
    'lena.holmgren',
    null,
    null,
    ['IM-12', 'IM-13'],
  ),
  asset('AS-23', 'Process: utredning barn och unga', 'PROCESS', 'IFF-UTR', 'petter.akesson', null, null, [
    'IM-09',
    'IM-10',
  ]),
  asset('AS-24', 'Process: löneutbetalning', 'PROCESS', 'SK-LON', 'lars.oberg', null, null, ['IM-03']),
  asset(
    'AS-25',
    'Mobila enheter med MDM',
    'IT_COMPONENT',
    'SK-DRIFT',
    'maja.fredriksson',
    null,
    MDC,
    ['IM-35', 'IM-28'],
    { subtype: 'ENDPOINT' },
  ),
  asset('AS-26', 'Styrsystem för vattenverk (SCADA)', 'IT_SYSTEM', 'EVE-DRIFT', 'therese.blom', null, OP, [
    'IM-39',
  ]),
  asset('AS-27', 'Driftövervakning och ledningskartor', 'IT_SYSTEM', 'EVE-DRIFT', 'therese.blom', null, OP, [
    'IM-38',
  ]),
  asset('AS-28', 'Fastighetssystem med hyresgästregister', 'IT_SYSTEM', 'EBH', null, null, SE, ['IM-40']),
  asset('AS-29', 'Biblioteksdatasystem', 'IT_SYSTEM', 'KFF-BIB', null, null, SE, ['IM-36']),
  asset(
    'AS-30',
    'Geografiskt informationssystem',
    'IT_SYSTEM',
    'SBF-PLAN',
    'jan.ahlberg',
    'daniel.nyberg',
    MDC,
    ['IM-37'],
    BY_SK,
  ),
];

const dependsOn = (assets: string[], supporting: string[]): DemoAssetDependency[] =>
  assets.flatMap((asset) => supporting.map((s) => ({ asset, supporting: s })));

/** §6.4 dependencies: the infrastructure AS-11–AS-15 carries the systems above it. */
export const EXEMPELBY_ASSET_DEPENDENCIES: DemoAssetDependency[] = [
  ...dependsOn(['AS-01', 'AS-07'], ['AS-11', 'AS-12', 'AS-13', 'AS-14', 'AS-15']),
  ...dependsOn(['AS-08', 'AS-09'], ['AS-11', 'AS-12', 'AS-14', 'AS-15']),
  ...dependsOn(['AS-10', 'AS-30'], ['AS-11']),
  ...dependsOn(['AS-30', 'AS-16', 'AS-11', 'AS-12'], ['AS-15']),
];
