// Conversation builder: style-aware rendering of literal text, PII values and hard negatives,
// with exact gold offsets and self-checks.
import { spellDigits, spellPairs, houseNumber, yearWords, twoDigitYearWords, moneyWords, timeWords, cardinal, ordinal, ordSuffix,
  MONTHS, NATO, AS_IN, decodeAlnum } from './speak.mjs';
import { luhnOk, abaOk, ibanOk, ssnOk, genCard } from './values.mjs';

const deaccent = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l').replace(/Ł/g, 'L');
const asrWord = (s) => deaccent(s).toLowerCase().replace(/-/g, ' ');
const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const NAME_WORDS = new Set(['edward', 'frank', 'george', 'harry', 'john', 'larry', 'mary', 'nancy', 'peter', 'robert', 'sam', 'tom', 'victor', 'william']);
const MON3 = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad2 = (n) => String(n).padStart(2, '0');

const TITLE_ASR = { 'Dr.': 'doctor', 'Mr.': 'mister', 'Ms.': 'miss', 'Mrs.': 'missus', 'St.': 'saint' };
const CHAT_ABBR = [
  [/\byou\b/gi, ['u']], [/\byour\b/gi, ['ur', 'your']], [/\bplease\b/gi, ['pls', 'plz']], [/\bthanks\b/gi, ['thx', 'ty', 'thanks']],
  [/\bthank you\b/gi, ['ty', 'thank u', 'thanks']], [/\bokay\b/gi, ['ok', 'k', 'okk']], [/\bbecause\b/gi, ['bc', 'cuz']],
  [/\bappointment\b/gi, ['appt']], [/\baccount\b/gi, ['acct', 'account', 'acc']], [/\bnumber\b/gi, ['number', 'num', 'no.', '#']],
  [/\btomorrow\b/gi, ['tmrw', 'tmr']], [/\bI don't know\b/g, ['idk']], [/\bright now\b/gi, ['rn']], [/\bminutes\b/gi, ['mins']],
  [/\bare\b/gi, ['r', 'are']], [/\bwith\b/gi, ['w/', 'with']], [/\bbefore\b/gi, ['b4', 'before']], [/\bpeople\b/gi, ['ppl']],
  [/\bmessage\b/gi, ['msg']], [/\bto be honest\b/gi, ['tbh']], [/\bas soon as possible\b/gi, ['asap']], [/\bsomething\b/gi, ['smth', 'something']],
];
const APOS_DROP = [[/\bI'm\b/g, 'im'], [/\bdon't\b/g, 'dont'], [/\bcan't\b/g, 'cant'], [/\bit's\b/gi, 'its'], [/\bthat's\b/gi, 'thats'], [/\bdidn't\b/g, 'didnt'], [/\bI've\b/g, 'ive'], [/\bwon't\b/g, 'wont']];

function typo(word, rng) {
  if (word.length < 5 || !/^[a-z]+$/i.test(word)) return word;
  const i = rng.int(1, word.length - 2);
  switch (rng.int(0, 3)) {
    case 0: return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2); // swap
    case 1: return word.slice(0, i) + word.slice(i + 1); // drop
    case 2: return word.slice(0, i) + word[i] + word.slice(i); // double
    default: { const kb = { a: 's', e: 'r', i: 'o', o: 'p', s: 'd', t: 'y', n: 'm', r: 't', l: 'k' }; const c = word[i].toLowerCase(); return kb[c] ? word.slice(0, i) + kb[c] + word.slice(i + 1) : word; }
  }
}

export class Conv {
  constructor({ id, family, style, rng, locale = 'US' }) {
    Object.assign(this, { id, family, style, rng, locale });
    this.turns = [];
    this.gold = [];
    this.entCount = 0;
    this.checks = new Map(); // ent -> {type, expect, decode, validate}
    this.chatLower = rng.chance(0.55); // this chat customer types in lowercase
  }
  newEnt() { return this.entCount++; }

  // ---------- turns ----------
  a(strings, ...vals) { return this.say('agent', strings, vals); }
  u(strings, ...vals) { return this.say('customer', strings, vals); }
  say(speaker, strings, vals) {
    const parts = [];
    strings.forEach((s, i) => {
      parts.push({ lit: s });
      if (i < vals.length) this._flat(vals[i], speaker, parts);
    });
    let out = '';
    const spans = [];
    const isCust = speaker === 'customer';
    parts.forEach((p, idx) => {
      if (p.lit !== undefined) {
        let t = this._lit(p.lit, speaker, idx === 0, idx === parts.length - 1);
        if (/\.$/.test(out) && /^\./.test(t)) t = t.slice(1);
        if (out === '' || /\s$/.test(out)) t = t.replace(/^\s+/, '');
        else if (/[\p{L}\p{N}]$/u.test(out) && /^[\p{L}\p{N}]/u.test(t)) t = ' ' + t;
        out += t;
      } else if (p.raw !== undefined) {
        out += p.raw;
      } else if (p.pii) {
        if (out !== '' && /[\p{L}\p{N}]$/u.test(out)) out += ' ';
        spans.push({ ...p, start: out.length, end: out.length + p.text.length });
        out += p.text;
      }
    });
    out = out.replace(/\s+$/, '');
    if (this.style === 'chat' && isCust && this.rng.chance(0.06)) out += this.rng.pick([' 🙏', ' 😅', ' 🙂', ' 👍']);
    const turn = this.turns.length;
    this.turns.push({ speaker, text: out });
    for (const s of spans) {
      if (out.slice(s.start, s.end) !== s.text) throw new Error(`${this.id}: span text mismatch "${s.text}"`);
      this.gold.push({ type: s.pii, turn, start: s.start, end: s.end, text: s.text, entity: s.ent, _falseStart: !!s.falseStart });
    }
    return turn;
  }
  _flat(v, speaker, parts) {
    if (v === null || v === undefined || v === false || v === '') return;
    if (typeof v === 'function') return this._flat(v(speaker), speaker, parts);
    if (Array.isArray(v)) { for (const x of v) this._flat(x, speaker, parts); return; }
    if (typeof v === 'string') { parts.push({ lit: v }); return; }
    if (typeof v === 'number') throw new Error(`${this.id}: bare number ${v} in template; use a negative renderer`);
    if (v.pii) { parts.push(v); return; }
    if (v.raw !== undefined) { parts.push(v); return; }
    throw new Error('bad template value ' + JSON.stringify(v));
  }
  _lit(s, speaker, first, last) {
    if (/[0-9]/.test(s)) throw new Error(`${this.id}: digits in literal template text: "${s}"`);
    const lead = this.style === 'asr' ? /^[\s\-\/—–(]/.test(s) : /^\s/.test(s);
    const trail = this.style === 'asr' ? /[\s\-\/—–)]$/.test(s) : /\s$/.test(s);
    const rng = this.rng;
    let t = s.trim();
    const isCust = speaker === 'customer';
    if (this.style === 'asr') {
      for (const [k, w] of Object.entries(TITLE_ASR)) t = t.split(k).join(w);
      t = deaccent(t).toLowerCase().replace(/&/g, ' and ').replace(/%/g, ' percent').replace(/[—–]/g, ' ').replace(/(\w)-(\w)/g, '$1 $2')
        .replace(/[.,!?;:"()…\-/]/g, ' ').replace(/\s+/g, ' ').trim();
      if (isCust && t.split(' ').length >= 3 && rng.chance(0.22)) {
        const ws = t.split(' ');
        const i = rng.int(0, ws.length - 2);
        if (rng.chance(0.6)) ws.splice(i, 0, rng.pick(['um', 'uh', 'uh', 'um', 'like']));
        else ws.splice(i, 0, ws[i]); // repeated word
        t = ws.join(' ');
      }
    } else if (this.style === 'formatted') {
      if (isCust && first && t.length > 8 && rng.chance(0.08)) t = rng.pick(['Um, ', 'Uh, ', 'So, uh, ']) + t.charAt(0).toLowerCase() + t.slice(1);
    } else if (this.style === 'chat' && isCust) {
      for (const [re, reps] of CHAT_ABBR) t = t.replace(re, (m) => (rng.chance(0.45) ? rng.pick(reps) : m));
      if (rng.chance(0.5)) for (const [re, rep] of APOS_DROP) t = t.replace(re, rep);
      t = t.replace(/[A-Za-z]+/g, (w) => (rng.chance(0.05) ? typo(w, rng) : w));
      if (this.chatLower) t = t.toLowerCase();
      if (last && rng.chance(0.6)) t = t.replace(/[.]$/, '');
      if (rng.chance(0.15)) t = t.replace(/\?$/, '??');
    }
    if (t === '' && s !== '') return ' ';
    return (lead ? ' ' : '') + t + (trail && t !== '' ? ' ' : '');
  }

  // ---------- PII parts ----------
  pii(type, text, { ent = this.newEnt(), expect, validate, falseStart = false, decode = 'alnum' } = {}) {
    if (/^[\s.,?!;:]|[\s.,?!;:]$/.test(text)) throw new Error(`${this.id}: ${type} span "${text}" has edge whitespace/punctuation`);
    if (!this.checks.has(ent)) this.checks.set(ent, { type, expect, validate, decode });
    return { pii: type, text, ent, falseStart };
  }
  // lowercases customer-typed values in chat when this customer types lowercase
  _chatCase(sp, s) { return this.style === 'chat' && sp === 'customer' && this.chatLower ? s.toLowerCase() : s; }

  name(person, form = 'full', opt = {}) {
    return (sp) => {
      const [first, last] = person;
      let s = form === 'first' ? first : form === 'last' ? last : form === 'fml' ? `${first} ${opt.mi || 'J'}. ${last}` : `${first} ${last}`;
      if (this.style === 'asr') s = asrWord(s).replace(/\./g, '');
      else s = this._chatCase(sp, s);
      return this.pii('PERSON', s, { ent: opt.ent });
    };
  }
  /** a spelled-out name: modes dash | spaced | comma | asin | nato */
  spell(word, mode) {
    const letters = deaccent(word).replace(/[^A-Za-z]/g, '').toLowerCase().split('');
    const asr = this.style === 'asr';
    let s;
    if (mode === 'nato') s = letters.map((l) => NATO[l]).join(asr ? ' ' : ' ');
    else if (mode === 'asin') s = letters.map((l, i) => (i === 0 || (i === 2 && letters.length > 4) ? `${l} as in ${AS_IN[l]}` : l)).join(asr ? ' ' : ', ');
    else if (asr) s = letters.join(' ');
    else if (mode === 'dash') s = letters.join('-');
    else if (mode === 'comma') s = letters.join(', ');
    else s = letters.join(' ');
    if (!asr && mode !== 'asin' && mode !== 'nato') s = s.toUpperCase();
    if (!asr && mode === 'nato') s = s.split(' ').map(cap).join(' ');
    if (!asr && mode === 'asin') s = s.replace(/(^|, )([a-z])\b/g, (m, a, b) => a + b.toUpperCase()).replace(/as in ([a-z]+)/g, (m, w) => 'as in ' + (NAME_WORDS.has(w) ? cap(w) : w));
    if (asr) s = s.replace(/-/g, ' ');
    return () => this.pii('PERSON', s);
  }

  email(em, { spelled = false, ent } = {}) {
    return (sp) => {
      if (this.style === 'formatted' && spelled) { // "P as in Peter, R, I, Y, A, dot, R, 8, 8, at gmail.com"
        const bits = [];
        em.tokens.forEach((t) => {
          if (t.k === 'sep') bits.push({ '.': 'dot', _: 'underscore', '-': 'dash' }[t.s]);
          else if (t.k === 'num') bits.push(...t.s.split(''));
          else t.s.split('').forEach((l, i) => bits.push(i === 0 && t.k === 'word' ? `${l.toUpperCase()} as in ${NAME_WORDS.has(AS_IN[l]) ? cap(AS_IN[l]) : AS_IN[l]}` : l.toUpperCase()));
        });
        return this.pii('EMAIL', `${bits.join(', ')}, at ${em.domain}`, { ent, decode: 'none' });
      }
      if (this.style !== 'asr') return this.pii('EMAIL', this._chatCase(sp, em.text), { ent, decode: 'none' });
      const local = em.tokens.map((t) => {
        if (t.k === 'sep') return { '.': 'dot', _: 'underscore', '-': 'dash' }[t.s];
        if (t.k === 'num') return t.s.length === 2 && t.s[0] !== '0' && this.rng.chance(0.5) ? cardinal(+t.s) : spellDigits(t.s, this.rng, { zero: 'oh', doubles: 0.5 });
        if (t.k === 'letters' || spelled) return t.s.split('').join(' ');
        return t.s;
      }).join(' ');
      const dom = em.domain.split('.').map((p) => (p === 'btinternet' ? 'b t internet' : p === 'uk' || p === 'ca' ? p.split('').join(' ') : p)).join(' dot ');
      return this.pii('EMAIL', `${local} at ${dom}`, { ent, decode: 'none' });
    };
  }
  username(un, { ent } = {}) {
    return (sp) => {
      if (this.style !== 'asr') return this.pii('USERNAME', this._chatCase(sp, un.text), { ent, decode: 'none' });
      const s = un.tokens.map((t) => (t.k === 'sep' ? { '.': 'dot', _: 'underscore', '-': 'dash' }[t.s] : t.k === 'num' ? (t.s.length === 2 && t.s[0] !== '0' && this.rng.chance(0.5) ? cardinal(+t.s) : spellDigits(t.s, this.rng, { doubles: 0.4 })) : t.k === 'letters' ? t.s.split('').join(' ') : t.s)).join(' ');
      return this.pii('USERNAME', s, { ent, expect: un.text.toUpperCase().replace(/[^A-Z0-9]/g, ''), decode: 'none' });
    };
  }

  /** phone: ph = {cc:'US'|'UK', digits (national), vanity?}. opts.part: 'all'|'last4'|'area'|'rest'; opts.hesitate (asr: filler inside) */
  phone(ph, { part = 'all', ent, hesitate = false } = {}) {
    return (sp) => {
      const rng = this.rng;
      const d = ph.digits;
      const expectAll = (ph.cc === 'US' ? '' : '') + d;
      if (ph.vanity) {
        const s = this.style === 'asr' ? ph.vanitySpoken : ph.vanity;
        return this.pii('PHONE', s, { ent, decode: 'none' });
      }
      const us = ph.cc !== 'UK';
      const groups = us ? [d.slice(0, 3), d.slice(3, 6), d.slice(6)] : d.startsWith('07') ? [d.slice(0, 5), d.slice(5)] : d.startsWith('02') ? [d.slice(0, 3), d.slice(3, 7), d.slice(7)] : [d.slice(0, 4), d.slice(4, 7), d.slice(7)];
      let gs = part === 'last4' ? [d.slice(-4)] : part === 'area' ? [groups[0]] : part === 'rest' ? groups.slice(1) : groups;
      const expect = part === 'last4' ? d.slice(-4) : d; // area/rest are pieces of one entity: the check covers both
      let intl = false;
      if (this.style === 'asr') {
        if (part === 'all' && ph.intl) { intl = true; }
        const spoken = gs.map((g, i) => {
          let gg = g;
          if (intl && i === 0 && !us) gg = g.slice(1);
          if (gg.length === 4 && i === gs.length - 1 && rng.chance(0.25)) return spellPairs(gg);
          if (gg === '800' || gg === '888') return rng.chance(0.5) ? (gg === '800' ? 'eight hundred' : 'triple eight') : spellDigits(gg, rng, { zero: 'oh' });
          return spellDigits(gg, rng, { zero: rng.chance(0.8) ? 'oh' : 'zero', doubles: 0.35 });
        });
        const pre = intl ? (us ? 'plus one ' : 'plus four four ') : (ph.one && part === 'all' ? 'one ' : '');
        if (hesitate && spoken.length > 1) {
          const e = ent ?? this.newEnt();
          this.checks.set(e, { type: 'PHONE', expect: (intl ? (us ? '1' : '44') : ph.one && part === 'all' ? '1' : '') + (intl && !us ? expect.slice(1) : expect), decode: 'alnum' });
          const out = [];
          spoken.forEach((x, i) => { out.push(this.pii('PHONE', i === 0 ? pre + x : x, { ent: e })); if (i < spoken.length - 1) out.push({ raw: ' ' + rng.pick(['uh', 'um', 'uh', 'hang on']) + ' ' }); });
          return out;
        }
        return this.pii('PHONE', pre + spoken.join(' '), { ent, expect: (intl ? (us ? '1' : '44') : ph.one && part === 'all' ? '1' : '') + (intl && !us ? expect.slice(1) : expect) });
      }
      let s;
      const chat = this.style === 'chat' && sp === 'customer';
      if (part !== 'all') s = gs.join(chat ? '' : '-');
      else if (us) {
        const f = ph.fmt ?? (chat ? rng.pick(['plain', 'dash', 'space', 'paren']) : rng.pick(['paren', 'dash', 'dot', 'intl', 'one', 'dash']));
        const [a, b, c] = groups;
        s = { plain: a + b + c, dash: `${a}-${b}-${c}`, space: `${a} ${b} ${c}`, paren: `(${a}) ${b}-${c}`, dot: `${a}.${b}.${c}`, intl: `+1 ${a} ${b} ${c}`, one: `1-${a}-${b}-${c}` }[f];
        if (f === 'intl' || f === 'one') return this.pii('PHONE', s, { ent, expect: '1' + expect });
      } else {
        const f = ph.fmt ?? (chat ? rng.pick(['plain', 'space']) : rng.pick(['space', 'space', 'intl']));
        if (f === 'intl') return this.pii('PHONE', '+44 ' + d.slice(1, groups[0].length) + ' ' + groups.slice(1).join(' '), { ent, expect: '44' + d.slice(1) });
        s = f === 'plain' ? d : groups.join(' ');
      }
      return this.pii('PHONE', s, { ent, expect });
    };
  }

  /** addr: structured address. part: 'line' | 'cityzip' (for split) | 'full' */
  address(ad, { part = 'full', ent, zip = true } = {}) {
    return (sp) => {
      const asr = this.style === 'asr', rng = this.rng;
      const chatC = this.style === 'chat' && sp === 'customer';
      const seg = [];
      if (part === 'line' || part === 'full') seg.push(this._addrLine(ad, asr, chatC));
      if (part === 'cityzip' || part === 'full') {
        if (ad.city) {
          if (asr) seg.push(asrWord(ad.city) + (ad.region ? ' ' + asrWord(ad.regionName) : ''));
          else seg.push(ad.city + (ad.region ? (ad.cc === 'UK' ? '' : ', ' + ad.region) : ''));
        }
        if (zip && ad.zip) {
          if (asr) seg.push(spellDigits(ad.zip, rng, { zero: 'oh', doubles: 0.2 }));
          else seg[seg.length - 1] += ' ' + ad.zip;
        }
      }
      let s = asr ? seg.join(' ') : seg.join(', ');
      if (ad.cc === 'UK' && !asr) s = s.replace(/, ([A-Z0-9]+ [0-9][A-Z]{2})$/, ' $1');
      if (chatC) s = this.chatLower ? s.toLowerCase() : s;
      return this.pii('ADDRESS', s, { ent, decode: 'none' });
    };
  }
  _addrLine(ad, asr, chatC) {
    const rng = this.rng;
    if (ad.kind === 'pobox') return asr ? `p o box ${houseNumber(ad.box, rng)}` : `${chatC ? 'po box' : rng.pick(['PO Box', 'P.O. Box'])} ${ad.box}`;
    if (ad.kind === 'rr') return asr ? `rural route ${cardinal(ad.rr)} box ${houseNumber(ad.box, rng)}` : `RR ${ad.rr} Box ${ad.box}`;
    const st = asr ? asrWord(ad.street) + (ad.type ? ' ' + ad.type.toLowerCase() : '') : ad.street + (ad.type ? ' ' + (ad.abbr && (chatC || ad.useAbbr) ? ad.abbr : ad.type) : '');
    const num = asr ? houseNumber(ad.num, rng) : String(ad.num);
    const dir = ad.dir ? (asr ? { N: 'north', S: 'south', E: 'east', W: 'west' }[ad.dir] + ' ' : ad.dir + ' ') : '';
    let unit = '';
    if (ad.unit) {
      const u = ad.unit;
      if (asr) unit = `${{ Apt: 'apartment', Unit: 'unit', Suite: 'suite', '#': 'number', Flat: 'flat' }[u.kind]} ${/^\d+$/.test(u.val) ? houseNumber(+u.val, rng) : u.val.replace(/(\d+)([A-Z])/, (m, a, b) => houseNumber(+a, rng) + ' ' + b.toLowerCase())}`;
      else unit = u.kind === '#' ? `#${u.val}` : `${chatC && u.kind === 'Apt' ? 'apt' : u.kind} ${u.val}`;
    }
    if (ad.cc === 'UK' && ad.unit) return asr ? `${unit} ${num} ${st}` : `${unit}, ${num} ${st}`;
    if (ad.cc === 'CA' && ad.unit && ad.unitDash) return asr ? `unit ${houseNumber(+ad.unit.val, rng)} ${num} ${st}` : `${ad.unit.val}-${num} ${st}`;
    return asr ? `${num} ${dir}${st}${unit ? ' ' + unit : ''}` : `${num} ${dir}${st}${unit ? (rng.chance(0.5) || chatC ? ' ' : ', ') + unit : ''}`;
  }
  postal(code, { ent } = {}) {
    return (sp) => {
      let s = code;
      if (this.style === 'asr') s = spellDigits(code, this.rng, { zero: 'oh', doubles: 0.2 });
      else if (this.style === 'chat' && sp === 'customer' && this.rng.chance(0.5)) s = code.toLowerCase().replace(this.rng.chance(0.3) ? ' ' : '@@', '');
      return this.pii('POSTAL_CODE', s, { ent, expect: code.replace(/[^A-Z0-9]/gi, '').toUpperCase() });
    };
  }

  // ---------- payment card ----------
  _digitsText(str, sp, { pairs = 0.2, group = 4 } = {}) {
    if (this.style === 'asr') {
      if (str.length % 2 === 0 && !/^(?:..)*[1-9]0/.test(str) && this.rng.chance(pairs)) return spellPairs(str); // no bare tens word: "thirty nine" would be ambiguous
      return spellDigits(str, this.rng, { zero: this.rng.chance(0.7) ? 'oh' : 'zero', doubles: 0.25 });
    }
    return str;
  }
  /** card number, as a list of chunks (each chunk: list of groups); returns one part per chunk, sharing an entity */
  cardChunks(card, plan) {
    const ent = this.newEnt();
    this.checks.set(ent, { type: 'CREDIT_CARD', expect: card.pan, validate: () => luhnOk(card.pan) });
    const g = card.groups;
    plan = plan || (g.length === 3 ? this.rng.pick([[3], [1, 1, 1], [1, 2], [2, 1]]) : this.rng.pick([[4], [2, 2], [1, 1, 1, 1], [1, 3], [3, 1], [1, 1, 2]]));
    const chunks = [];
    let i = 0;
    for (const n of plan) { chunks.push(g.slice(i, i + n)); i += n; }
    const out = chunks.map((ch) => (sp) => {
      const chat = this.style === 'chat';
      const sep = this.style === 'formatted' ? (this.rng.chance(0.8) ? ' ' : '-') : chat ? this.rng.pick([' ', '', '-', ' ']) : ' ';
      const s = ch.map((x) => this._digitsText(x, sp)).join(sep);
      return this.pii('CREDIT_CARD', s, { ent });
    });
    out.ent = ent;
    out.chunks = chunks;
    return out;
  }
  cardPartial(card, { ent } = {}) {
    const last4 = card.pan.slice(-4);
    return (sp) => this.pii('CREDIT_CARD', this._digitsText(last4, sp, { pairs: 0.4 }), { ent, expect: last4, validate: () => luhnOk(card.pan) });
  }
  expiry(ex) {
    return (sp) => {
      const rng = this.rng, mm = pad2(ex.m), yy = pad2(ex.y % 100);
      let s;
      if (this.style === 'asr') {
        s = rng.pick([
          () => `${ex.m < 10 ? 'oh ' + cardinal(ex.m) : cardinal(ex.m)} ${twoDigitYearWords(ex.y)}`,
          () => `${cardinal(ex.m)} ${twoDigitYearWords(ex.y)}`,
          () => `${MONTHS[ex.m - 1].toLowerCase()} ${yearWords(ex.y, rng)}`,
          () => `${MONTHS[ex.m - 1].toLowerCase()} of ${twoDigitYearWords(ex.y)}`,
          () => `${spellDigits(mm, rng)} slash ${spellDigits(yy, rng)}`,
        ])();
      } else if (this.style === 'chat' && sp === 'customer') s = rng.pick([`${mm}/${yy}`, `${mm}${yy}`, `${ex.m}/${yy}`, `${mm}/${ex.y}`, `${mm}-${yy}`]);
      else s = rng.pick([`${mm}/${yy}`, `${mm}/${yy}`, `${mm}/${ex.y}`, `${MONTHS[ex.m - 1]} ${ex.y}`, `${MONTHS[ex.m - 1]} of ${ex.y}`]);
      return this.pii('CARD_EXPIRY', s, { decode: 'none' });
    };
  }
  cvv(v) { return (sp) => this.pii('CARD_CVV', this._digitsText(v, sp, { pairs: 0 }), { expect: v }); }
  ssn(ssn, { last4 = false, ent } = {}) {
    return (sp) => {
      const d = ssn.replace(/-/g, '');
      const val = last4 ? d.slice(-4) : d;
      let s;
      if (this.style === 'asr') s = last4 ? this._digitsText(val, sp, { pairs: 0.3 }) : [d.slice(0, 3), d.slice(3, 5), d.slice(5)].map((g) => spellDigits(g, this.rng, { zero: this.rng.chance(0.6) ? 'oh' : 'zero', doubles: 0.3 })).join(' ');
      else if (last4) s = val;
      else s = this.style === 'chat' && sp === 'customer' ? this.rng.pick([ssn, d, ssn.replace(/-/g, ' ')]) : this.rng.pick([ssn, ssn, ssn.replace(/-/g, ' ')]);
      return this.pii('SSN', s, { ent, expect: val, validate: () => ssnOk(ssn) });
    };
  }
  /** date of birth; forms chosen per style/locale */
  dob(b, { form } = {}) {
    return (sp) => {
      const rng = this.rng, M = MONTHS[b.m - 1], uk = this.locale === 'UK';
      let s;
      if (this.style === 'asr') {
        const f = form ?? rng.pick(uk ? ['dm', 'dm', 'md', 'num'] : ['md', 'md', 'mdord', 'num', 'numshort', 'dm']);
        const yw = rng.chance(0.75) ? yearWords(b.y, rng) : twoDigitYearWords(b.y);
        s = { md: `${M.toLowerCase()} ${ordinal(b.d)} ${yw}`, mdord: `${M.toLowerCase()} ${cardinal(b.d)} ${yw}`, dm: `${ordinal(b.d)} of ${M.toLowerCase()} ${yw}`,
          num: uk ? `${cardinal(b.d)} ${cardinal(b.m)} ${yw}` : `${cardinal(b.m)} ${cardinal(b.d)} ${yw}`,
          numshort: `${b.m < 10 ? 'oh ' + cardinal(b.m) : cardinal(b.m)} ${b.d < 10 ? 'oh ' + cardinal(b.d) : cardinal(b.d)} ${twoDigitYearWords(b.y)}` }[f];
      } else if (this.style === 'chat' && sp === 'customer') {
        s = rng.pick(uk ? [`${b.d}/${b.m}/${b.y}`, `${pad2(b.d)}/${pad2(b.m)}/${b.y % 100 < 10 ? '0' : ''}${b.y % 100}`, `${b.d} ${MON3[b.m - 1]} ${b.y}`] : [`${b.m}/${b.d}/${pad2(b.y % 100)}`, `${pad2(b.m)}/${pad2(b.d)}/${b.y}`, `${MON3[b.m - 1]} ${b.d} ${b.y}`, `${b.m}-${b.d}-${b.y}`]);
      } else {
        s = rng.pick(uk ? [`${pad2(b.d)}/${pad2(b.m)}/${b.y}`, `${b.d} ${M} ${b.y}`, `${b.d}${ordSuffix(b.d)} of ${M}, ${b.y}`] : [`${pad2(b.m)}/${pad2(b.d)}/${b.y}`, `${M} ${b.d}, ${b.y}`, `${M} ${b.d}${ordSuffix(b.d)}, ${b.y}`, `${b.y}-${pad2(b.m)}-${pad2(b.d)}`, `${b.m}/${b.d}/${pad2(b.y % 100)}`]);
      }
      return this.pii('DATE_OF_BIRTH', s, { decode: 'none' });
    };
  }
  account(acct, { last4 = false, ent } = {}) {
    const v = last4 ? acct.slice(-4) : acct;
    return (sp) => this.pii('BANK_ACCOUNT', this._digitsText(v, sp, { pairs: last4 ? 0.4 : 0 }), { ent, expect: v });
  }
  routing(r) { return (sp) => this.pii('ROUTING_NUMBER', this._digitsText(r, sp, { pairs: 0 }), { expect: r, validate: () => abaOk(r) }); }
  /** IBAN; split>0 splits after that many 4-char groups into two parts sharing one entity */
  iban(ib, { split = 0 } = {}) {
    const ent = this.newEnt();
    this.checks.set(ent, { type: 'IBAN', expect: ib.iban, validate: () => ibanOk(ib.iban) });
    const groups = ib.iban.match(/.{1,4}/g);
    const chunks = split ? [groups.slice(0, split), groups.slice(split)] : [groups];
    return chunks.map((ch) => (sp) => {
      let s;
      if (this.style === 'asr') s = ch.map((g) => spellDigits(g, this.rng, { zero: 'zero', doubles: 0.15 })).join(' ');
      else if (this.style === 'chat' && sp === 'customer') s = this.rng.chance(0.5) ? ch.join('') : ch.join(' ');
      else s = ch.join(' ');
      return this.pii('IBAN', s, { ent });
    });
  }
  ip(addr) {
    return () => {
      if (this.style !== 'asr' || addr.includes(':')) return this.pii('IP_ADDRESS', addr, { decode: 'none', validate: () => addr.includes(':') || addr.split('.').every((o) => +o >= 0 && +o <= 255) });
      const rng = this.rng, sep = rng.pick([' dot ', ' point ', ' dot ']);
      const mode = rng.pick(['digits', 'words']);
      const s = addr.split('.').map((o) => (mode === 'digits' ? spellDigits(o, rng, { zero: 'zero' }) : +o >= 100 && rng.chance(0.6) ? ONE_X(+o) : cardinal(+o))).join(sep);
      return this.pii('IP_ADDRESS', s, { expect: addr, decode: 'ip' });
    };
  }

  // ---------- hard negatives (never labelled) ----------
  get N() {
    const c = this, rng = this.rng, asr = this.style === 'asr';
    const raw = (s) => ({ raw: s });
    return {
      code: (s) => raw(asr ? spellDigits(s, rng, { zero: rng.chance(0.5) ? 'oh' : 'zero', doubles: 0.2 }) : s), // order/ticket/claim refs, SKUs
      money: (amt, cur = 'USD') => {
        if (asr) return raw(moneyWords(amt, cur, { and: cur === 'GBP' }));
        const sym = { USD: '$', CAD: '$', GBP: '£', EUR: '€' }[cur];
        const whole = Math.floor(amt), cents = Math.round((amt - whole) * 100);
        const w = whole.toLocaleString('en-US');
        return raw(`${sym}${w}${cents || rng.chance(0.3) ? '.' + pad2(cents) : ''}`);
      },
      time: (h, m = 0) => {
        if (asr) return raw(timeWords(h, m));
        const h12 = ((h + 11) % 12) + 1;
        return raw(c.style === 'chat' ? `${h12}${m ? ':' + pad2(m) : ''}${h < 12 ? 'am' : 'pm'}` : `${h12}:${pad2(m)} ${h < 12 ? 'a.m.' : 'p.m.'}`);
      },
      date: (m, d, y) => {
        const M = MONTHS[m - 1];
        if (asr) return raw(rng.chance(0.5) || c.locale !== 'UK' ? `${M.toLowerCase()} ${ordinal(d)}${y ? ' ' + yearWords(y, rng) : ''}` : `the ${ordinal(d)} of ${M.toLowerCase()}${y ? ' ' + yearWords(y, rng) : ''}`);
        if (c.style === 'chat') return raw(rng.pick([`${M.slice(0, 3).toLowerCase()} ${d}`, c.locale === 'UK' ? `${d}/${m}` : `${m}/${d}`, `${M} ${d}${y ? ' ' + y : ''}`]));
        return raw(c.locale === 'UK' ? `${d} ${M}${y ? ' ' + y : ''}` : `${M} ${d}${rng.chance(0.5) ? ordSuffix(d) : ''}${y ? ', ' + y : ''}`);
      },
      product: (name) => raw(asr ? deaccent(name).toLowerCase().replace(/([a-z])(\d)/g, '$1 $2').replace(/\d+/g, (d) => cardinal(+d)).replace(/-/g, ' ') : name),
      num: (n) => raw(asr ? cardinal(n) : c.style === 'chat' || n > 9 || rng.chance(0.5) ? String(n) : cardinal(n)),
      year: (y) => raw(asr ? yearWords(y, rng) : String(y)),
      pct: (x) => raw(asr ? `${String(x).split('.').map((p, i) => (i ? spellDigits(p, rng) : cardinal(+p))).join(' point ')} percent` : `${x}%`),
      version: (v) => raw(asr ? v.split('.').map((p) => cardinal(+p)).join(' point ') : v),
      decimal: (x, unit) => raw(asr ? `${String(x).split('.').map((p, i) => (i ? spellDigits(p, rng, { zero: 'zero' }) : cardinal(+p))).join(' point ')} ${unit}` : `${x} ${unit.toUpperCase() === 'BITCOIN' ? 'BTC' : unit}`),
    };
  }

  // ---------- finalise ----------
  finish(extra = {}) {
    // style invariants
    for (const t of this.turns) {
      if (!t.text) throw new Error(`${this.id}: empty turn`);
      if (this.style === 'asr' && !/^[a-z' ]+$/.test(t.text)) throw new Error(`${this.id}: asr turn has non-asr chars: "${t.text}"`);
      if (/\s\s/.test(t.text)) throw new Error(`${this.id}: double space in "${t.text}"`);
    }
    // per-entity checks
    const byEnt = new Map();
    for (const g of this.gold) { if (!byEnt.has(g.entity)) byEnt.set(g.entity, []); byEnt.get(g.entity).push(g); }
    for (const [e, pieces] of byEnt) {
      const ck = this.checks.get(e);
      if (!ck) throw new Error(`${this.id}: no check for entity ${e}`);
      if (pieces.some((p) => p.type !== ck.type)) throw new Error(`${this.id}: entity ${e} mixes types`);
      if (ck.validate && !ck.validate()) throw new Error(`${this.id}: ${ck.type} entity ${e} fails checksum/validity`);
      const real = pieces.filter((p) => !p._falseStart);
      if (ck.expect !== undefined && ck.decode !== 'none') {
        let got;
        if (ck.decode === 'ip' && this.style === 'asr') got = real.map((p) => p.text).join(' ').split(/ (?:dot|point) /).map((o) => String(+decodeAlnum(o))).join('.');
        else if (this.style !== 'asr') got = real.map((p) => p.text).join('').replace(/[^A-Za-z0-9]/g, '').toUpperCase();
        else got = real.map((p) => decodeAlnum(p.text, { letterO: true, hundred00: ck.type === 'PHONE' })).join('');
        const want = ck.decode === 'ip' ? ck.expect : ck.expect.toUpperCase().replace(/[^A-Z0-9]/g, '');
        if (got !== want) throw new Error(`${this.id}: ${ck.type} entity ${e} decodes to ${got}, expected ${want} ("${real.map((p) => p.text).join(' | ')}")`);
      }
    }
    // remap entity ids to 0..n-1 in order of first appearance
    const map = new Map();
    const gold = this.gold.map((g) => {
      if (!map.has(g.entity)) map.set(g.entity, map.size);
      return { type: g.type, turn: g.turn, start: g.start, end: g.end, text: g.text, entity: map.get(g.entity) };
    });
    for (const g of gold) if (this.turns[g.turn].text.slice(g.start, g.end) !== g.text) throw new Error('offset check');
    return { id: this.id, split: 'heldout4', family: this.family, style: this.style, turns: this.turns, gold, ...extra };
  }
}
function ONE_X(o) { // 192 -> "one ninety two", 105 -> "one oh five", 200 -> "two hundred"
  const h = Math.floor(o / 100), r = o % 100;
  return r === 0 ? cardinal(o) : `${cardinal(h)} ${r < 10 ? 'oh ' + cardinal(r) : cardinal(r)}`;
}
export { deaccent, asrWord, cap };
