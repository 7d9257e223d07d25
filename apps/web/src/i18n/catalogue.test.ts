import { ROLE_LABELS, ROLES } from '@varna/authz/core';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// The labels' source in the API (a plain file without dependencies); the catalogue must say the same.
import { ORG_UNIT_TYPE_LABELS, ORG_UNIT_TYPES } from '../../../../libs/organisation/src/domain/org-unit-type';
// The incident domain is pure (no framework): its labels and enumerations are the source here too.
import * as incidentDomain from '../../../../libs/incident/src/domain';
import * as api from '../api/types';
// The registers' and the classification model's own words (plain files without dependencies).
import * as registerLabels from '../../../../libs/information/src/domain/enums';
import { DEFAULT_CLASSIFICATION_MODEL } from '../../../../libs/classification/src/domain/model';
import { QUESTION_KEYS, LEVEL_DESCRIPTION_KEYS } from '../classification/AspectStep';
import { ASPECT_KEYS, LEVEL_KEYS } from '../classification/labels';
import {
  ASSET_STATUS_KEYS,
  ASSET_SUBTYPE_KEYS,
  ASSET_TYPE_KEYS,
  CRITICALITY_KEYS,
  HOSTING_KEYS,
  INFORMATION_SET_STATUS_KEYS,
  LINK_ROLE_KEYS,
  PERSONAL_DATA_CATEGORY_KEYS,
} from '../registers/labels';
import { formatDateTime, formatNumber, todayInStockholm, translate } from './i18n';
import {
  ART34_KEYS,
  BREACH_RISK_KEYS,
  CRISIS_ESCALATION_KEYS,
  INCIDENT_ASPECT_KEYS,
  INCIDENT_STATUS_KEYS,
  INCIDENT_SUBTYPE_KEYS,
  INCIDENT_TYPE_KEYS,
  OBLIGATION_STATUS_KEYS,
  ORG_TYPE_KEYS,
  REGIME_KEYS,
  ROLE_KEYS,
  ROOT_CAUSE_KEYS,
  SEVERITY_KEYS,
  STAGE_KEYS,
  TIMELINE_KIND_KEYS,
  TRI_STATE_KEYS,
} from './labels';
import { catalogues, type MessageKey } from './messages';

const SRC = path.resolve(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    const isSource = /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name);
    const isCatalogue = /i18n[/\\](sv|en)\.ts$/.test(full);
    return isSource && !isCatalogue && entry.name !== 'test-support.tsx' ? [full] : [];
  });
}

const files = sourceFiles(SRC).map((file) => ({
  file: path.relative(SRC, file),
  text: readFileSync(file, 'utf8'),
}));
const svKeys = Object.keys(catalogues.sv).sort();
const enKeys = Object.keys(catalogues.en).sort();
const namespaces = new Set(svKeys.map((k) => k.split('.')[0]));

/** Every key the code asks for: t('…') calls, and key-shaped literals (menus, label and error maps). */
function usedKeys(): Map<string, string[]> {
  const used = new Map<string, string[]>();
  const add = (key: string, file: string) => used.set(key, [...(used.get(key) ?? []), file]);
  for (const { file, text } of files) {
    for (const m of text.matchAll(/\bt\(\s*['"]([^'"]+)['"]/g)) add(m[1], file);
    for (const m of text.matchAll(/['"]([a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9_]+)+)['"]/g)) {
      if (namespaces.has(m[1].split('.')[0])) add(m[1], file);
    }
  }
  return used;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogue', () => {
  it('finds the keys the code uses (the scan itself works)', () => {
    const used = usedKeys();
    expect(used.size).toBeGreaterThan(150);
    expect(used.has('signIn.title')).toBe(true);
    expect(used.has('nav.people')).toBe(true);
    expect(used.has('role.CISO')).toBe(true);
  });

  it('has every key used in apps/web/src, in Swedish and in English', () => {
    const missing: string[] = [];
    for (const [key, where] of usedKeys()) {
      for (const locale of ['sv', 'en'] as const) {
        if (!(key in catalogues[locale]))
          missing.push(`${locale}: ${key} (${[...new Set(where)].join(', ')})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('calls t() with literal keys or typed maps only, never built strings', () => {
    const built = files.filter(
      ({ text }) => /\bt\(\s*`/.test(text) || /\bt\(\s*['"][^'"]*['"]\s*\+/.test(text),
    );
    expect(built.map((f) => f.file)).toEqual([]);
  });

  it('has the same keys in Swedish and English', () => {
    expect(enKeys).toEqual(svKeys);
  });

  it('has no unused keys', () => {
    const used = usedKeys();
    expect(svKeys.filter((key) => !used.has(key))).toEqual([]);
  });

  it('fills the same placeholders in both languages, and no text is empty', () => {
    for (const key of svKeys as MessageKey[]) {
      expect(catalogues.sv[key].trim(), key).not.toBe('');
      expect(catalogues.en[key].trim(), key).not.toBe('');
      expect(placeholders(catalogues.en[key]), key).toEqual(placeholders(catalogues.sv[key]));
    }
  });

  it('words roles as the shared core does', () => {
    for (const role of ROLES) {
      expect(catalogues.sv[ROLE_KEYS[role]], role).toBe(ROLE_LABELS[role].sv);
      expect(catalogues.en[ROLE_KEYS[role]], role).toBe(ROLE_LABELS[role].en);
    }
  });

  it('words org unit types as the API does', () => {
    expect(Object.keys(ORG_TYPE_KEYS).sort()).toEqual([...ORG_UNIT_TYPES].sort());
    for (const type of ORG_UNIT_TYPES) {
      expect(catalogues.sv[ORG_TYPE_KEYS[type]], type).toBe(ORG_UNIT_TYPE_LABELS[type].sv);
      expect(catalogues.en[ORG_TYPE_KEYS[type]], type).toBe(ORG_UNIT_TYPE_LABELS[type].en);
    }
  });

  it.each([
    ['incident status', INCIDENT_STATUS_KEYS, incidentDomain.INCIDENT_STATUS_LABELS, api.INCIDENT_STATUSES],
    ['incident type', INCIDENT_TYPE_KEYS, incidentDomain.INCIDENT_TYPE_LABELS, api.INCIDENT_TYPES],
    [
      'incident subtype',
      INCIDENT_SUBTYPE_KEYS,
      incidentDomain.INCIDENT_SUBTYPE_LABELS,
      api.INCIDENT_SUBTYPES,
    ],
    ['severity', SEVERITY_KEYS, incidentDomain.SEVERITY_LABELS, api.SEVERITIES],
    ['yes/no/unknown', TRI_STATE_KEYS, incidentDomain.TRI_STATE_LABELS, api.TRI_STATES],
    ['root cause', ROOT_CAUSE_KEYS, incidentDomain.ROOT_CAUSE_CATEGORY_LABELS, api.ROOT_CAUSE_CATEGORIES],
    ['timeline kind', TIMELINE_KIND_KEYS, incidentDomain.TIMELINE_KIND_LABELS, api.TIMELINE_KINDS],
    ['regime', REGIME_KEYS, incidentDomain.REGULATORY_REGIME_LABELS, api.REGULATORY_REGIMES],
    ['stage', STAGE_KEYS, incidentDomain.REGULATORY_STAGE_LABELS, api.REGULATORY_STAGES],
    [
      'obligation status',
      OBLIGATION_STATUS_KEYS,
      incidentDomain.OBLIGATION_STATUS_LABELS,
      api.OBLIGATION_STATUSES,
    ],
    ['Art. 34(3) exemption', ART34_KEYS, incidentDomain.ART34_EXEMPTION_LABELS, api.ART34_EXEMPTIONS],
    [
      'breach risk assessment',
      BREACH_RISK_KEYS,
      incidentDomain.BREACH_RISK_ASSESSMENT_LABELS,
      api.BREACH_RISK_ASSESSMENTS,
    ],
    ['aspect affected', INCIDENT_ASPECT_KEYS, incidentDomain.ASPECT_LABELS, api.INCIDENT_ASPECTS],
    [
      'crisis escalation',
      CRISIS_ESCALATION_KEYS,
      incidentDomain.CRISIS_ESCALATION_LABELS,
      api.CRISIS_ESCALATIONS,
    ],
  ] as [string, Record<string, MessageKey>, Record<string, { sv: string; en: string }>, readonly string[]][])(
    'words every %s as the incident domain does, with the same values as the API',
    (_, keys, labels, values) => {
      expect(Object.keys(keys).sort()).toEqual(Object.keys(labels).sort());
      expect([...values].sort()).toEqual(Object.keys(labels).sort());
      for (const value of values) {
        expect(catalogues.sv[keys[value]], value).toBe(labels[value].sv);
        expect(catalogues.en[keys[value]], value).toBe(labels[value].en);
      }
    },
  );

  it('has the incident API’s subtypes of deviations', () => {
    expect([...api.DEVIATION_SUBTYPES].sort()).toEqual([...incidentDomain.DEVIATION_SUBTYPES].sort());
  });

  it('words the register enumerations as the API does', () => {
    const pairs: [Record<string, MessageKey>, Record<string, string>][] = [
      [INFORMATION_SET_STATUS_KEYS, registerLabels.INFORMATION_SET_STATUS_LABELS],
      [ASSET_STATUS_KEYS, registerLabels.ASSET_STATUS_LABELS],
      [ASSET_TYPE_KEYS, registerLabels.ASSET_TYPE_LABELS],
      [ASSET_SUBTYPE_KEYS, registerLabels.ASSET_SUBTYPE_LABELS],
      [HOSTING_KEYS, registerLabels.HOSTING_LABELS],
      [CRITICALITY_KEYS, registerLabels.CRITICALITY_LABELS],
      [LINK_ROLE_KEYS, registerLabels.LINK_ROLE_LABELS],
      [PERSONAL_DATA_CATEGORY_KEYS, registerLabels.PERSONAL_DATA_CATEGORY_LABELS],
    ];
    for (const [keys, labels] of pairs) {
      expect(Object.keys(keys).sort()).toEqual(Object.keys(labels).sort());
      for (const [value, key] of Object.entries(keys)) expect(catalogues.sv[key], value).toBe(labels[value]);
    }
  });

  it('words aspects, levels and questions as the default classification model does', () => {
    const model = DEFAULT_CLASSIFICATION_MODEL;
    for (const aspect of model.aspects) {
      expect(catalogues.sv[ASPECT_KEYS[aspect.code]]).toBe(aspect.nameSv);
      expect(catalogues.en[ASPECT_KEYS[aspect.code]]).toBe(aspect.nameEn);
      expect(catalogues.sv[QUESTION_KEYS[aspect.code]]).toBe(aspect.questionSv);
    }
    expect(model.levels.map((l) => l.value)).toEqual([0, 1, 2, 3, 4]);
    for (const level of model.levels) {
      expect(catalogues.sv[LEVEL_KEYS[level.value]]).toBe(level.nameSv);
      expect(catalogues.en[LEVEL_KEYS[level.value]]).toBe(level.nameEn);
      expect(catalogues.sv[LEVEL_DESCRIPTION_KEYS[level.value]]).toBe(level.descriptionSv);
    }
  });

  it('fills placeholders', () => {
    expect(translate('sv', 'dashboard.welcome', { name: 'Cecilia Lund' })).toBe('Välkommen, Cecilia Lund.');
    expect(translate('en', 'error.LOGIN_LOCKED', { minutes: 15 })).toContain('15 minutes');
  });
});

describe('sv-SE formats in Europe/Stockholm', () => {
  it('numbers with a space between thousands and a decimal comma', () => {
    expect(formatNumber(1234.5)).toBe('1\u00a0234,5');
  });

  it('times in Stockholm, 24-hour, winter and summer', () => {
    expect(formatDateTime('2026-11-16T09:00:00Z')).toBe('2026-11-16 10:00');
    expect(formatDateTime('2026-07-01T12:05:00Z')).toBe('2026-07-01 14:05');
  });

  it('today is the Stockholm date, not the UTC one', () => {
    expect(todayInStockholm(new Date('2026-11-15T23:30:00Z'))).toBe('2026-11-16');
  });
});
