import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEFINITION } from '../definitions/index.js';
import { DefinitionError, evaluate, findingsOf, parseDefinition, pruneHidden, riskScore, validateAnswers, visibleQuestions, type Answers, type Condition, type DefinitionInput } from './index.js';

const now = new Date('2026-12-07T10:00:00Z');
const def = DEFAULT_DEFINITION;

describe('conditions', () => {
  const cases: [string, Condition, Answers, boolean][] = [
    ['equals true', { question: 'a', equals: true }, { a: true }, true],
    ['equals on unanswered', { question: 'a', equals: true }, {}, false],
    ['notEquals needs an answer', { question: 'a', notEquals: 'x' }, {}, false],
    ['notEquals', { question: 'a', notEquals: 'x' }, { a: 'y' }, true],
    ['in', { question: 'a', in: ['x', 'y'] }, { a: 'y' }, true],
    ['in, other value', { question: 'a', in: ['x'] }, { a: 'z' }, false],
    ['includes', { question: 'a', includes: 'x' }, { a: ['w', 'x'] }, true],
    ['excludes', { question: 'a', excludes: 'x' }, { a: ['w'] }, true],
    ['excludes on a scalar', { question: 'a', excludes: 'x' }, { a: 'w' }, false],
    ['gt and lte (inside)', { question: 'a', gt: 24, lte: 72 }, { a: 72 }, true],
    ['gt and lte (above)', { question: 'a', gt: 24, lte: 72 }, { a: 73 }, false],
    ['olderThanDays', { question: 'a', olderThanDays: 365 }, { a: '2025-12-01' }, true],
    ['olderThanDays, recent', { question: 'a', olderThanDays: 365 }, { a: '2026-06-01' }, false],
    ['answered: false', { question: 'a', answered: false }, {}, true],
    ['all', { all: [{ question: 'a', equals: true }, { question: 'b', equals: 'x' }] }, { a: true, b: 'y' }, false],
    ['any', { any: [{ question: 'a', equals: true }, { question: 'b', equals: 'x' }] }, { a: false, b: 'x' }, true],
  ];
  it.each(cases)('%s', (_name, c, answers, expected) => expect(evaluate(c, answers, now)).toBe(expected));
});

/** A complete, low-risk set of answers to the default questionnaire. */
const good: Answers = {
  pci_compliant: true,
  pci_aoc_date: '2026-09-01',
  pci_validation: 'roc_qsa',
  takes_card_payments: true,
  payment_methods: ['dtmf_masking'],
  recordings_capture_card: false,
  stores_card_data: false,
  pii_redaction: 'automatic_both',
  recording_retention_days: 90,
  agent_mfa: 'all_access',
  remote_agents: true,
  vdi_brand_isolation: true,
  vpn_required: true,
  byod_allowed: false,
  encryption_at_rest: true,
  transport_protocol: 'tls13',
  breach_notification_hours: 24,
  uses_subprocessors: false,
};

describe('visibility', () => {
  const cases: [string, Answers, string, boolean][] = [
    ['a follow-up is hidden before its question is answered', {}, 'card_storage_protection', false],
    ['"stores card data?" yes shows where and how', { stores_card_data: true }, 'card_storage_protection', true],
    ['"stores card data?" no keeps it hidden', { stores_card_data: false }, 'card_storage_where', false],
    ['in: automatic redaction asks for the tool', { pii_redaction: 'automatic_transcripts' }, 'pii_redaction_tool', true],
    ['in: no redaction does not', { pii_redaction: 'none' }, 'pii_redaction_tool', false],
    ['a follow-up of a hidden follow-up is hidden', { remote_agents: false, byod_allowed: true }, 'byod_controls', false],
    ['chain shown when both hold', { remote_agents: true, byod_allowed: true }, 'byod_controls', true],
  ];
  it.each(cases)('%s', (_n, answers, id, shown) => expect(visibleQuestions(def, answers, now).has(id)).toBe(shown));

  it('pruneHidden drops the answers of questions an earlier change hid', () => {
    expect(pruneHidden(def, { stores_card_data: false, card_storage_where: 'a vault' }, now)).toEqual({ stores_card_data: false });
  });
});

describe('validation', () => {
  it('accepts a complete set of answers', () => expect(validateAnswers(def, good, { complete: true, now })).toEqual([]));
  const cases: [string, Answers, boolean, string, string][] = [
    ['unknown question', { ...good, favourite_colour: 'blue' }, true, 'favourite_colour', 'unknown_question'],
    ['wrong type (yes/no given as text)', { ...good, pci_compliant: 'yes' }, false, 'pci_compliant', 'wrong_type'],
    ['not an option', { ...good, pii_redaction: 'sometimes' }, false, 'pii_redaction', 'not_an_option'],
    ['a multiple choice with an unknown value', { ...good, payment_methods: ['carrier_pigeon'] }, false, 'payment_methods', 'not_an_option'],
    ['a number out of range', { ...good, breach_notification_hours: -1 }, false, 'breach_notification_hours', 'out_of_range'],
    ['a fraction where a whole number is asked', { ...good, recording_retention_days: 1.5 }, false, 'recording_retention_days', 'wrong_type'],
    ['an impossible date', { ...good, pci_aoc_date: '2026-02-30' }, false, 'pci_aoc_date', 'wrong_type'],
    ['empty text', { ...good, uses_subprocessors: true, subprocessor_list: '  ' }, false, 'subprocessor_list', 'wrong_type'],
    ['text too long', { ...good, stores_card_data: true, card_storage_where: 'x'.repeat(2001) }, false, 'card_storage_where', 'too_long'],
    ['answering a hidden question', { ...good, card_storage_where: 'a vault' }, false, 'card_storage_where', 'hidden_question'],
    ['a missing visible required question', { ...good, stores_card_data: true, card_storage_protection: 'tokenized' }, true, 'card_storage_where', 'missing_required'],
  ];
  it.each(cases)('%s', (_n, answers, complete, questionId, code) => {
    expect(validateAnswers(def, answers, { complete, now })).toContainEqual(expect.objectContaining({ questionId, code }));
  });
  it('a draft may leave questions open; a submission may not', () => {
    expect(validateAnswers(def, { pci_compliant: true }, { complete: false, now })).toEqual([]);
    expect(validateAnswers(def, { pci_compliant: true }, { complete: true, now }).length).toBeGreaterThan(5);
  });
  it('an optional visible question may stay open', () => {
    expect(visibleQuestions(def, good, now).has('pii_redaction_tool')).toBe(true);
    expect(validateAnswers(def, good, { complete: true, now }).map((e) => e.questionId)).not.toContain('pii_redaction_tool');
  });
});

describe('findings and score', () => {
  const cases: [string, Answers, string[], number][] = [
    ['no findings → 0', good, [], 0],
    ['not PCI compliant → one critical → 50', { ...good, pci_compliant: false }, ['not_pci_compliant'], 50],
    ['old AoC → high → 25', { ...good, pci_aoc_date: '2025-06-01' }, ['aoc_expired'], 25],
    ['card stored in clear → medium + critical → 55', { ...good, stores_card_data: true, card_storage_protection: 'clear', card_storage_where: 'x' }, ['pan_in_clear', 'stores_pan'], 55],
    ['notification in 48 h → medium', { ...good, breach_notification_hours: 48 }, ['slow_notification'], 10],
    ['notification in 96 h → high only', { ...good, breach_notification_hours: 96 }, ['very_slow_notification'], 25],
    ['BYOD without controls → high + medium', { ...good, byod_allowed: true, byod_controls: ['none'] }, ['byod_uncontrolled', 'byod_local_data'], 32],
    ['two criticals → 75', { ...good, pci_compliant: false, agent_mfa: 'none' }, ['not_pci_compliant', 'no_mfa'], 75],
  ];
  it.each(cases)('%s', (_n, answers, rules, score) => {
    const f = findingsOf(def, answers, now);
    expect(f.map((x) => x.ruleId).sort()).toEqual([...rules].sort());
    expect(riskScore(def, f)).toBe(score);
  });
  it('a hidden question produces no finding (its rule is not evaluated)', () => {
    // pci_aoc_date is asked only of compliant vendors: a stale date left behind counts for nothing.
    expect(findingsOf(def, { ...good, pci_compliant: false, pci_aoc_date: '2020-01-01' }, now).map((f) => f.ruleId)).toEqual(['not_pci_compliant']);
  });
  it('findings carry a severity, a title and the controls', () => {
    const [f] = findingsOf(def, { ...good, stores_card_data: true, card_storage_protection: 'clear', card_storage_where: 'x' }, now);
    expect(f).toMatchObject({ severity: 'critical', title: 'Card numbers stored in clear', controls: ['PCI DSS 3.5.1'] });
  });
  it('the score is monotone and stays within 0–100', () => {
    const many = Array.from({ length: 30 }, () => ({ severity: 'critical' as const }));
    expect(riskScore(def, many)).toBe(100);
    expect(riskScore(def, [{ severity: 'low' }, { severity: 'low' }])).toBeGreaterThan(riskScore(def, [{ severity: 'low' }]));
  });
});

describe('definitions', () => {
  const base = (questions: unknown[]): DefinitionInput => ({ id: 'test', version: 1, title: 'T', sections: [{ id: 's', title: 'S', questions }] }) as DefinitionInput;
  const bad: [string, unknown[], RegExp][] = [
    ['a condition on a later question', [{ id: 'a', type: 'yes_no', text: 'A', showIf: { question: 'b', equals: true } }, { id: 'b', type: 'yes_no', text: 'B' }], /not an earlier question/],
    ['a duplicate id', [{ id: 'a', type: 'yes_no', text: 'A' }, { id: 'a', type: 'yes_no', text: 'A' }], /duplicate id/],
    ['a choice without options', [{ id: 'a', type: 'single_choice', text: 'A' }], /needs options/],
    ['an option that does not exist', [{ id: 'a', type: 'single_choice', text: 'A', options: [{ value: 'x', label: 'X' }, { value: 'y', label: 'Y' }] }, { id: 'b', type: 'text', text: 'B', showIf: { question: 'a', equals: 'z' } }], /not a possible answer/],
    ['a yes/no compared with text', [{ id: 'a', type: 'yes_no', text: 'A' }, { id: 'b', type: 'text', text: 'B', showIf: { question: 'a', equals: 'yes' } }], /not a possible answer/],
    ['a finding on an unknown question', [{ id: 'a', type: 'yes_no', text: 'A', findings: [{ id: 'f', when: { question: 'zz', equals: true }, severity: 'low', title: 'F', controls: ['X'] }] }], /refers to zz/],
    ['an unknown severity', [{ id: 'a', type: 'yes_no', text: 'A', findings: [{ id: 'f', when: { question: 'a', equals: true }, severity: 'severe', title: 'F', controls: ['X'] }] }], /severity/],
  ];
  it.each(bad)('refuses %s', (_n, questions, message) => {
    expect(() => parseDefinition(base(questions))).toThrow(DefinitionError);
    expect(() => parseDefinition(base(questions))).toThrow(message);
  });

  it('the default questionnaire covers the seeds\u2019 four questions and more', () => {
    expect(def.version).toBe(1);
    expect(def.sections.map((s) => s.id)).toEqual(['pci', 'payments', 'pii', 'remote', 'encryption', 'incidents', 'subprocessors']);
  });

  it('the published JSON Schema is up to date (regenerate: npx tsx scripts/questionnaire-schema.ts)', async () => {
    const { definitionJsonSchema } = await import('./json-schema.js');
    const { $id: _id, title: _t, ...schema } = JSON.parse(readFileSync(new URL('../../../docs/questionnaire.schema.json', import.meta.url), 'utf8'));
    expect(schema).toEqual(definitionJsonSchema());
  });

  it('the engine is pure: imports stay inside engine/ (or zod)', () => {
    const dir = new URL('./', import.meta.url);
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))) {
      const src = readFileSync(new URL(f, dir), 'utf8');
      for (const m of src.matchAll(/from '([^']+)'/g)) expect(m[1]!.startsWith('./') || m[1] === 'zod', `${f} imports ${m[1]}`).toBe(true);
    }
  });
});
