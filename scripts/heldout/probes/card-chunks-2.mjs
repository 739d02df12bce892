import { luhnComplete, seed, digitWords } from '../values.mjs';
seed(11);
const pan = luhnComplete('5', 16); const g = pan.match(/.{4}/g); const gw = g.map((x) => digitWords(x, { oh: 0, dbl: 0 }));
const mk = (id, pieces, lead = [], inter = ['Okay.'], asr = false) => {
  const turns = [{ speaker: 'agent', text: asr ? 'what card will you be using' : 'What card will you be using?' }, { speaker: 'customer', text: asr ? 'a mastercard' : 'A Mastercard.' }, { speaker: 'agent', text: asr ? 'go ahead with the card number' : 'Go ahead with the card number.' }];
  pieces.forEach((p, i) => { turns.push({ speaker: 'customer', text: (lead[i] ?? '') + p + (asr ? '' : '.') }); if (i < pieces.length - 1) turns.push({ speaker: 'agent', text: inter[i % inter.length].replace('$P', p) }); });
  turns.push({ speaker: 'agent', text: asr ? 'and the expiration date' : 'And the expiration date?' });
  return { id, turns };
};
const v = [
  mk('lead-it-starts', g, ['It starts ']),
  mk('lead-next-is', g, ['', 'Next is ', 'Next is ', 'Next is ']),
  mk('lead-first-four-are', g, ['The first four are ']),
  mk('lead-first-four-digits', g, ['First four digits, ']),
  mk('inter-next-set', g, [], ['Next set?']),
  mk('inter-and-the-last-four', g, [], ['Okay.', 'Okay.', 'And the last four?']),
  mk('inter-echo-chunk', g, [], ['$P, okay.']),
  mk('inter-second-group', g, [], ['Second group?', 'Third group?', 'And the final group?']),
  mk('inter-one-moment', g, [], ['One moment, the screen froze.']),
  mk('asr-base', gw, [], ['okay'], true),
  mk('asr-first-part', gw, ['first part is '], ['okay'], true),
  mk('asr-inter-next-four', gw, [], ['got it next four'], true),
  mk('asr-inter-two-words', gw, [], ['uh huh keep going'], true),
];
console.log(pan);
for (const x of v) console.log(JSON.stringify(x));
