import { describe, expect, it } from 'vitest';
import { fieldsFor, finishField, pressKey, reenterField, startCapture, type CaptureRules, type CaptureState, type Key, type StepResult } from './capture.js';

const rules: CaptureRules = { fields: fieldsFor(true), maxAttempts: 3, now: new Date('2026-12-06T12:00:00Z') };
const keyAll = (state: CaptureState, keys: string, r = rules): StepResult => {
  let result: StepResult = { state, effect: 'ignored', ready: false, exhausted: false };
  for (const k of keys) result = pressKey(result.state, k as Key, r);
  return result;
};

describe('keypad capture', () => {
  it('collects card, expiry, code and postal code in order and is then ready', () => {
    const r = keyAll(startCapture(rules), '4242424242424242#' + '1228' + '123' + '94107#');
    expect(r.ready).toBe(true);
    expect(r.state.collected).toEqual({ card_number: '4242424242424242', expiry: '1228', security_code: '123', postal_code: '94107' });
    expect(r.state.progress.current).toBeNull();
    expect(r.state.progress.lastFour).toBe('4242');
    expect(r.state.progress.cardBrand).toBe('visa');
  });

  it('shows only counts and the brand while digits arrive, never a digit', () => {
    const r = keyAll(startCapture(rules), '37828224');
    expect(r.state.progress.current).toBe('card_number');
    expect(r.state.progress.fields.card_number).toMatchObject({ status: 'collecting', digits: 8 });
    expect(r.state.progress.cardBrand).toBe('amex');
    expect(JSON.stringify(r.state.progress)).not.toMatch(/3782|8224/);
  });

  it('asks four code digits for Amex and ends a field by itself at its longest length', () => {
    let r = keyAll(startCapture(rules), '378282246310005');
    expect(r.state.progress.current).toBe('expiry');
    r = keyAll(r.state, '0129');
    expect(r.state.progress.expectedDigits).toBe(4);
    r = keyAll(r.state, '123');
    expect(r.state.progress.current).toBe('security_code');
    r = keyAll(r.state, '4');
    expect(r.state.collected.security_code).toBe('1234');
  });

  it('clears the field on * and ends it on #', () => {
    let r = keyAll(startCapture(rules), '4242*');
    expect(r.effect).toBe('cleared');
    expect(r.state.progress.fields.card_number!.digits).toBe(0);
    r = keyAll(r.state, '4222222222222#');
    expect(r.state.collected.card_number).toBe('4222222222222');
    expect(r.state.progress.current).toBe('expiry');
  });

  it('refuses a bad checksum or a past expiry, asks again, and fails after the last attempt', () => {
    let r = keyAll(startCapture(rules), '4242424242424241#');
    expect(r.effect).toBe('field_invalid');
    expect(r.state.progress.fields.card_number).toMatchObject({ status: 'invalid', attempts: 1, problem: 'bad_checksum' });
    r = keyAll(r.state, '4242424242424242#' + '0125');
    expect(r.state.progress.fields.expiry).toMatchObject({ status: 'invalid', problem: 'expired' });
    r = keyAll(r.state, '1325');
    r = keyAll(r.state, '0000');
    expect(r.exhausted).toBe(true);
    expect(r.state.progress.current).toBeNull();
    expect(pressKey(r.state, '1', rules).effect).toBe('ignored');
  });

  it('lets the agent have a field keyed again; a new card also asks the code again', () => {
    let r = keyAll(startCapture({ fields: fieldsFor(false) }), '4242424242424242#' + '1228' + '123', { ...rules, fields: fieldsFor(false) });
    expect(r.ready).toBe(true);
    let s = reenterField(r.state, 'expiry', { fields: fieldsFor(false) });
    expect(s.progress.current).toBe('expiry');
    expect(s.collected.expiry).toBeUndefined();
    r = keyAll(s, '0330', { ...rules, fields: fieldsFor(false) });
    expect(r.ready).toBe(true);
    s = reenterField(r.state, 'card_number', { fields: fieldsFor(false) });
    expect(s.collected).toEqual({ expiry: '0330' });
    r = keyAll(s, '378282246310005' + '1234', { ...rules, fields: fieldsFor(false) });
    expect(r.ready).toBe(true);
    expect(r.state.collected.security_code).toBe('1234');
  });

  it('accepts a 5- or 9-digit postal code only', () => {
    const base = keyAll(startCapture(rules), '4242424242424242#' + '1228' + '123').state;
    expect(keyAll(base, '941#').state.progress.fields.postal_code!.problem).toBe('bad_length');
    expect(keyAll(base, '941071234').ready).toBe(true);
  });
});

describe('a pause in keying', () => {
  it('ends the field as # would, and does nothing on an empty field', () => {
    const typed = keyAll(startCapture(rules), '4242424242424242').state;
    expect(finishField(typed, rules).effect).toBe('field_valid');
    expect(finishField(startCapture(rules), rules).effect).toBe('ignored');
  });
});
