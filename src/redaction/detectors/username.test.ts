import { describe, expect, it } from 'vitest';
import { spans } from './detector-test-kit.test-helpers.js';
import { usernameDetector } from './username.js';

const find = (...texts: string[]): string[] => spans(usernameDetector, ...texts);

describe('username detector', () => {
  it.each([
    ['typed after the question', ["What's the username on the account?", "It's lunar_moth88."], ['1:lunar_moth88']],
    ['named in the turn', ['Username: q.tarrant2'], ['0:q.tarrant2']],
    ['spoken with underscore and numbers', ['what is your username', 'i think it is brisk underscore otter forty one'], ['1:brisk underscore otter forty one']],
    ['spelled out', ['what is your user name', 'username is k v e l l e r nine'], ['1:k v e l l e r nine']],
    ['login name', ['what login name do you use', 'i use hollowpine'], ['1:hollowpine']],
    ['handle named', ['my handle is @ferncrest_22 if that helps'], ['0:ferncrest_22']],
    ['read back by the agent, with a word before "is"', ['Your username there is tiger_dariush3, right?'], ['0:tiger_dariush3']],
    ['after "the username", spoken', ['someone reset the password on the account with the username arao seven is that yours'], ['0:arao seven']],
    ['read back later in the call, remembered', ["What's the username?", "I think it's kovalenkod64.", 'Yes, I see kovalenkod64. Your balance is $36,789.'], ['1:kovalenkod64', '2:kovalenkod64']],
    ['spoken, read back later', ["what's the username", "i like think it's ngozi dot price thirty eight", 'yes i see ngozi dot price thirty eight your balance'], [
      '1:ngozi dot price thirty eight',
      '2:ngozi dot price thirty eight',
    ]],
  ])('%s', (_label, texts, expected) => {
    expect(find(...texts)).toEqual(expected);
  });

  it.each([
    ['failed login attempts', ['I see 4 failed login attempts from a new device.']],
    ['an everyday answer', ["What's the username?", 'probably I kept guessing']],
    ['no context at all', ['lunar_moth88 is a nice handle']],
    ['the username field and what the user chose', ['Please type the username you chose into the username field.']],
    ['a chat contraction after the username', ['the username isnt working']],
  ])('ignores %s', (_label, texts) => {
    expect(find(...texts)).toEqual([]);
  });
});
