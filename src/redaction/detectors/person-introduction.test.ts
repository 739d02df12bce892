import { describe, expect, it } from 'vitest';
import { spans } from './detector-test-kit.test-helpers.js';
import { personDetector } from './person.js';

const find = (...texts: string[]): string[] => spans(personDetector, ...texts);

describe('person detector: an agent introducing themselves', () => {
  it.each([
    ['"my name\'s" + a name the lexicons lack, asr', "good afternoon you're through to summit telecom my name's lwazi how can i help today", '0:lwazi'],
    ['"my name\'s" + an everyday-word name, asr', "good afternoon you're through to summit telecom my name's hope how can i help today", '0:hope'],
    ['"my name is" + an English word that is a name here', "hi there my name is pita and i'll be helping you today", '0:pita'],
    ['"i\'m" at the end of the greeting', "morning sentinel home security i'm eamon", '0:eamon'],
    ['"I\'m" typed with a capital', "Good morning. I'm Pita.", '0:Pita'],
    ['"X here" after a greeting', 'summit telecom good evening lwazi here who am i speaking with', '0:lwazi'],
    ['"X from <company> here" in chat', 'Hi there! Siobhán from Meridian Bank here. What can I do for you today?', '0:Siobhán'],
    ['"it\'s X on the line"', "hello sentinel home security accounts team it's shauna on the line", '0:shauna'],
    ['"chatting with X"', "You're now chatting with ngaire. How can I help?", '0:ngaire'],
    ['"i\'m X what can i do for you", an English word', "good afternoon you've reached grant park inn i'm yaw what can i do for you", '0:yaw'],
    ['"this is X speaking", an English word', 'summerhill lodge this is jun speaking how may i help', '0:jun'],
  ])('%s', (_label, text, expected) => {
    expect(find(text)).toEqual([expected]);
  });
});

describe('person detector: the introduced name greeted later', () => {
  it('finds "Hi pita" after "my name is pita"', () => {
    expect(find("hi there my name is pita and i'll be helping you today", 'Hi pita, I need to redirect a parcel.')).toEqual(['0:pita', '1:pita']);
  });
  it('leaves a greeted company with the same word', () => {
    expect(find('hi hope harbor foundation here this is hope how may i help', 'Hi, Hope Harbor Foundation? I have a question.')).toEqual(['0:hope']);
  });
  it('leaves the word pita elsewhere', () => {
    expect(find("hi there my name is pita and i'll be helping you today", 'I had pita bread for lunch.')).toEqual(['0:pita']);
  });
});

describe('person detector: introduction frames without a name', () => {
  it.each([
    ['"i\'m" + a state', "i'm good thanks"],
    ['"i\'m" + a state at the end', "hi i'm fine"],
    ['"my name is" + a preposition', 'my name is on the account already'],
    ['"my name is" + an adjective followed by more', 'my name is wrong on the bill'],
    ['"it\'s" + a word not followed by "on the line"', "it's great on the whole"],
    ['"the card here"', 'I have the card here with me.'],
  ])('%s', (_label, text) => {
    expect(find(text)).toEqual([]);
  });
});

describe('person detector: an agent saying how they are', () => {
  it('leaves "i\'m good how can i help" visible', () => {
    expect(find("i'm good how can i help you")).toEqual([]);
  });
});
