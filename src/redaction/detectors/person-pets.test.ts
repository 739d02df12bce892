import { describe, expect, it } from 'vitest';
import { spans } from './detector-test-kit.test-helpers.js';
import { personDetector } from './person.js';

const find = (...texts: string[]): string[] => spans(personDetector, ...texts);

describe('person detector: pet names are not people', () => {
  it.each([
    ['a pet named after "my dog", and later in the call', ["hey er, I'm calling about a claim for my dog Mochi, she had surgery.", 'How is Mochi doing?'], []],
    ['the owner is still a person', ["I'm Aroha Villanueva, calling about my cat Biscuit.", 'Thanks, Aroha. Is Biscuit eating?'], ['0:Aroha Villanueva', '1:Aroha']],
    ['a relative keeps their name', ['My son Hiroshi walks our dog Pepper.', 'Thanks.'], ['0:Hiroshi']],
  ])('%s', (_label, texts, expected) => {
    expect(find(...texts)).toEqual(expected);
  });
});
