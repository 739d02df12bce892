import { luhnComplete, seed } from '../values.mjs';
seed(7);
const pan = luhnComplete('4', 16); const g = pan.match(/.{4}/g);
const mk = (id, pieces, lead = [], inter = 'Okay.', brandTurn = "It's a Visa.", ask = 'Go ahead with the card number.') => {
  const turns = [{ speaker: 'agent', text: 'What card will you be using?' }, { speaker: 'customer', text: brandTurn }, { speaker: 'agent', text: ask }];
  pieces.forEach((p, i) => { turns.push({ speaker: 'customer', text: (lead[i] ?? '') + p + '.' }); if (i < pieces.length - 1) turns.push({ speaker: 'agent', text: inter }); });
  turns.push({ speaker: 'agent', text: 'And the expiration date?' });
  return { id, turns };
};
const v = [
  mk('base-4x4', g),
  mk('lead-first-part', g, ['First part is ', 'Next is ', 'Then ', 'And ']),
  mk('lead-its', g, ["It's ", 'then ', 'then ', 'and ']),
  mk('inter-mmhmm', g, [], 'Mm-hmm.'),
  mk('inter-next-four', g, [], 'Got it, next four?'),
  mk('inter-keep-going', g, [], 'Uh huh, keep going.'),
  mk('split-6-10', [pan.slice(0, 6), pan.slice(6)]),
  mk('split-4-2-10', [pan.slice(0, 4), pan.slice(4, 6), pan.slice(6)]),
  mk('split-12-4', [g.slice(0, 3).join(' '), g[3]]),
  mk('trail-ellipsis', g.map((x) => x + '...')),
  mk('trail-thats-end', [g[0], g[1], g[2], g[3] + ", that's the end"]),
  mk('no-brand', g, [], 'Okay.', 'Sure.'),
  mk('ask-long-number', g, [], 'Okay.', "It's a Visa.", 'Please read me the long number on the front.'),
];
console.log(pan);
for (const x of v) console.log(JSON.stringify(x));
