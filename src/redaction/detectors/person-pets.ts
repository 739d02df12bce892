/**
 * Pet names are not PERSON (LABELS.md rule 1 labels people): "a claim for my dog Mochi" and, later
 * in the call, "How is Mochi doing?". A word right after "my/our/the dog|cat|..." is a pet's name
 * for the whole conversation, and PERSON spans that are exactly that name are dropped.
 */
import { turnWords, type Word } from '../lexicon/turn-words.js';
import type { TurnView } from '../types.js';
import type { Found } from './person-memory.js';

const PETS = new Set('dog dogs cat cats puppy pup kitten kitty pet pets rabbit bunny horse pony hamster parrot budgie bird ferret tortoise turtle guinea-pig'.split(' '));
const DETERMINERS = new Set(['my', 'our', 'the', 'his', 'her', 'their', 'your', 'a']);

/** Lower-cased names given to pets anywhere in the conversation. */
export function petNames(turns: readonly TurnView[]): Set<string> {
  const names = new Set<string>();
  for (const turn of turns) {
    if (!/\b(?:dog|cat|pupp?y?|kitt|pet|rabbit|bunny|horse|pony|hamster|parrot|budgie|bird|ferret|tortoise|turtle|guinea)/.test(turn.lower)) continue;
    const words = turnWords(turn);
    for (let i = 2; i < words.length; i++) {
      const pet = words[i - 1] as Word;
      if (!PETS.has(pet.lower) || !DETERMINERS.has((words[i - 2] as Word).lower)) continue;
      names.add((words[i] as Word).lower.replace(/['’]s$/, ''));
    }
  }
  return names;
}

/** `list` without the spans that are a pet's name. */
export function withoutPets(turn: TurnView, list: Found[], pets: ReadonlySet<string>): Found[] {
  if (pets.size === 0) return list;
  return list.filter((f) => !pets.has(turn.lower.slice(f.start, f.end)));
}
