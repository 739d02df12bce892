import { describe, expect, it } from 'vitest';
import { spans } from './detector-test-kit.test-helpers.js';
import { personDetector } from './person.js';

const find = (...texts: string[]): string[] => spans(personDetector, ...texts);

describe('person detector: positives', () => {
  it.each([
    ['self-introduction, formatted', ['Thanks for calling, my name is Tamsin. How can I help?'], ['0:Tamsin']],
    ['self-introduction, raw ASR', ['hi thanks for calling this is oluwadamilare speaking how can i help'], ['0:oluwadamilare']],
    ['"X speaking"', ['Good morning, Bertrand speaking.'], ['0:Bertrand']],
    ['title outside the span', ['Thank you, Ms. Kowalczyk.'], ['0:Kowalczyk']],
    ['lowercase title', ['thank you missus abernathy have a nice day'], ['0:abernathy']],
    ['gender-neutral title Mx. outside the span', ['Thank you, Mx. Mbeki.'], ['0:Mbeki']],
    ['lowercase mx in asr outside the span', ['thank you mx zhou'], ['0:zhou']],
    ['everyday word after a personal title', ['thank you mister fox'], ['0:fox']],
    ['possessive outside the span', ['Great, Henrietta\'s new number is on file.'], ['0:Henrietta']],
    ['relation word', ['i am calling for my son mateusz'], ['0:mateusz']],
    ['the agent after "you\'re through to"', ["Summit & Price Health Clubs, you're through to Marcia, how can I help today?"], ['0:Marcia']],
    ['a word-name after "you\'re through to" in asr', ["novanet you're through to summer how can i help today"], ['0:summer']],
    ['a role word: an engineer', ['i have raised a ticket an engineer farhiya can visit on monday'], ['0:farhiya']],
    ['a role word after a modifier: our crew lead', ['our crew lead hope will call the day before'], ['0:hope']],
    ['a relation after a modifier: my late friend', ["I'd like to make a donation in memory of my late friend, Tameka."], ['0:Tameka']],
    ['"my husband, will." names him', ['the account might be under my husband, will.'], ['0:will']],
    ['a lowercase surname before its spelling, chat', ['Can I take your full name?', "Kirra, price. That's P R I C E."], ['1:Kirra', '1:price', '1:P R I C E']],
    ['a word-name after "my son", before a pronoun', ['my son hope he saw the dentist'], ['0:hope']],
    ['a month word that names a person, no day after it', ['thanks so much june'], ['0:june']],
    ['relation word with a name the lexicons lack', ['the appointment is for my son youssef'], ['0:youssef']],
    ['"my name\'s" outside the span', ["Good afternoon, you're through to Kestrel Mobile. My name's Ravi, how can I help today?"], ['0:Ravi']],
    ['"my name\'s" outside the span in asr', ["good afternoon my name's mehmet how can i help today"], ['0:mehmet']],
    ['after "I\'m" at the start of a sentence', ["Hello, I'm Adaeze Okwuosa-Bell and I live nearby."], ["0:Adaeze Okwuosa-Bell"]],
    ['an everyday-word surname before "thanks"', ['yes this is radoslaw bishop thanks'], ['0:radoslaw bishop']],
    ['"your adjuster is"', ['your adjuster is eun ji park the estimate is ready'], ['0:eun ji park']],
    ['"thank you so much" and a word-name at the end', ['nope thank you so much hope'], ['0:hope']],
    ['a capitalised name the lexicons lack', ['Sure. Can Zbigniewa call you back tomorrow?'], ['0:Zbigniewa']],
    ['"speak with"', ["I'd like to speak with Oriane Delacroix, please."], ['0:Oriane Delacroix']],
    ['"last name"', ['my first name is also tomas but last name szabo'], ['0:tomas', '0:szabo']],
    ['everyday word not taken after a surname', ['Dr. Young will call you back.'], ['0:Young']],
    ['particles inside a name', ['i have an appointment with doctor van der berg'], ['0:van der berg']],
    ['initial inside a name', ['My name is Priyanka R. Castellanos.'], ['0:Priyanka R. Castellanos']],
    ['a Korean given name said as two syllables', ['sure hyun woo nwosu', 'thanks hyun woo'], ['0:hyun woo nwosu', '1:hyun woo']],
    ['a Korean given name whose syllables are English words, after a role word', ['an engineer min jun can visit on monday'], ['0:min jun']],
    ['a Korean given name remembered as its pair', ["what's your full name", 'min jun kang', 'thanks for your patience min jun bye now'], ['1:min jun kang', '2:min jun']],
    ['a word-name closing a thank-you, remembered', ['can i take your full name please', 'yeah grant urquhart', 'thanks for your patience grant if you need us again call'], ['1:grant urquhart', '2:grant']],
    ['a remembered word-name as the subject of a modal, and given something', ['my friend hunter wants to join', "i'm afraid hunter would need their own account but i can send hunter a join link"], ['0:hunter', '1:hunter', '1:hunter']],
    ['"who is it" asks for a name', ['i need your line manager to approve this who is it', "it's chance kiprono"], ['1:chance kiprono']],
    ['"under" before a word-name in an answer', ['who am i speaking with', "it's under will konstantinou"], ['1:will konstantinou']],
    ['a verb the lexicons list as a name stays outside the span', ['Yes. Actually Dr. Liu said the dose might go up.'], ['0:Liu']],
    ['"Will, will call": the second "will" is the verb', ['Our crew lead, Will, will call the day before.'], ['0:Will']],
    ['"your adjuster will be", then the first name again before a verb', ['your adjuster will be dawn achterberg dawn can visit on monday'], ['0:dawn achterberg', '0:dawn']],
    ['a remembered word-name starting the next sentence', ['Your adjuster will be Rose Nakamura. Rose can visit on May 22.'], ['0:Rose Nakamura', '0:Rose']],
    ['a word-name closing the sign-off', ['our direct line is eight hundred five five five take care may'], ['0:may']],
    ['a name after the brand, before "have a good one"', ["good morning you've reached forkrun i'm dana what can i do for you", 'thanks for contacting forkrun wu have a good one'], ['0:dana', '1:wu']],
    ['a name set off after the brand', ['Thanks for contacting Ledgerly Exchange, June. Have a good one.'], ['0:June']],
    ['a title stays outside a sign-off', ['Our direct line is 800-638-6925. Take care, Ms. Brennan.'], ['0:Brennan']],
    ['"i\'ll add rose to the bill"', ['my partner rose is moving in too', "then i'll add rose to the bill"], ['0:rose', '1:rose']],
    ['"hiya" greets the agent named before', ['my name is destiny what can i do for you', 'hiya destiny i need to change my bank details'], ['0:destiny', '1:destiny']],
    ['"I." as a middle initial', ["It's Mark I. Vandersloot"], ['0:Mark I. Vandersloot']],
  ])('%s', (_label, texts, expected) => {
    expect(find(...texts)).toEqual(expected);
  });

  it('reads the answer to "can I get your full name"', () => {
    expect(find('can i get your full name please', 'yes it is zainab okonkwo and i moved recently')).toEqual(['1:zainab okonkwo']);
  });

  it('accepts an everyday-word name when it is the whole answer or after a strong cue', () => {
    expect(find('And the name on the account?', 'Will Gutierrez.')).toEqual(['1:Will Gutierrez']);
    expect(find('my name is will and i need help')).toEqual(['0:will']);
  });

  it('remembers a name and redacts later mentions in any case', () => {
    expect(find('this is Radomir speaking, how can I help?', 'hi radomir, i lost my card', 'okay RADOMIR')).toEqual([
      '0:Radomir',
      '1:radomir',
      '2:RADOMIR',
    ]);
  });

  it('marks a spelled name as one span when asked to spell it', () => {
    expect(find('could you spell your last name', 'sure it is q u i n t e r o')).toEqual(['1:q u i n t e r o']);
    expect(find('Can you spell that?', 'Q-U-I-N-T-E-R-O.')).toEqual(['1:Q-U-I-N-T-E-R-O']);
    expect(find('how do you spell the last name', 'o apostrophe h a r a')).toEqual(['1:o apostrophe h a r a']);
    expect(find('yes it is temperance quillon q u i l l o n')).toEqual(['0:quillon', '0:q u i l l o n']);
  });

  it('marks a spelling made sure of with "as in" words or the NATO alphabet as one span', () => {
    expect(find('can you spell the last name', 'The last name is spelled H as in Harry, E, R as in Robert, R, E, R, A.')).toEqual(['1:H as in Harry, E, R as in Robert, R, E, R, A']);
    expect(find('can you spell the last name', 'sure alpha lima foxtrot alpha romeo sierra india')).toEqual(['1:alpha lima foxtrot alpha romeo sierra india']);
  });

  it('marks letters given as the answer to a name question, and a spelling read back, though the name is not in the lexicons', () => {
    expect(find("what's the surname?", "it's h a r g r e a v e s")).toEqual(['1:h a r g r e a v e s']);
    expect(find('is that h-a-r-g-r-e-a-v-e-s?', 'yes H A R G R E A V E S')).toEqual(['0:h-a-r-g-r-e-a-v-e-s', '1:H A R G R E A V E S']);
    expect(find('and your surname?', 'hargreaves')).toEqual(['1:hargreaves']);
  });

  it('leaves a read-back of a spelled everyday word or of different letters alone', () => {
    expect(find('is that c-o-l-o-u-r with a u?', 'yes c o l o u r')).toEqual([]);
    expect(find('so that is x k c d', 'no it was x k c b')).toEqual([]);
  });
});

describe('person detector: negatives', () => {
  it.each([
    ['words that are names', 'I will pay the bill in June, may I?'],
    ['a king bed and the brown one', 'We have a king bed and the brown one is cheaper.'],
    ['a company with name words', 'Thank you for calling Morgan & Price Insurance.'],
    ['a company in lowercase ASR', 'thanks for calling morgan and price insurance how can i help'],
    ['a street with a name word', 'The office is on King Street near the station.'],
    ['a kinship word with a possessive', "Hi, I got a bill for my son's visit and I think it's wrong."],
    ['the company a call is put through to', "Good afternoon, you're through to ParcelPath."],
    ['month abbreviations before a day in chat', 'I see a login on Mar 19 and another on Dec 18.'],
    ['what "the vet" did, not a name', 'Grand now, thanks. The vet said she might need a second round.'],
    ['a month that is a name before a day', 'The payment went out on May 2, and June 5th.'],
    ['a city that is a dictionary proper noun after "to"/"in"', 'We flew to Lisbon, then spent a week in Chennai.'],
    ['an abbreviation typed in capitals', 'What is the IBAN for the account?'],
    ['a post town that is also a surname, before its postcode', 'Send 2 boxes, London E8 4QJ is the depot.'],
    ['the company a call is put through to, in camel case', "Good afternoon, you're through to ParcelPath, how can I help?"],
    ['"will" the verb after a relation', 'my colleague will call you back tomorrow'],
    ['an everyday word after a role word', 'the engineer said it was fine'],
    ['brands in camel case', 'Welcome to ClearReturn chat, thanks for contacting NovaNet.'],
    ['"ive" typed without its apostrophe', 'Ive moved and I need to update my address'],
    ['a question after a name question', 'What time works best?'],
    ['an email being spelled', 'it is j o h n dot smith at example dot com'],
    ['a country in a place name', 'I bought it at the Mall of America last week.'],
    ['a city on its own', 'i was born in portland but live in denver now'],
    ['a company greeting', 'Hi, Bluefin Telecom here, how can I help?'],
    ['a card brand', 'So I have a Mastercard ending in 3863.'],
    ['a noun after a possessive relation word', "And the beneficiary's name?"],
  ])('%s', (_label, text) => {
    expect(find(text)).toEqual([]);
  });

  it('leaves a remembered word-name visible where it is the word', () => {
    expect(find('my name is bill okafor', 'your first bill will come in august', 'the bill can be paid online')).toEqual(['0:bill okafor']);
  });

  it.each([
    ['laughter', 'ha ha that is funny'],
    ['"so young"', 'she was so young when it happened'],
  ])('does not read Korean syllables into %s', (_label, text) => {
    expect(find(text)).toEqual([]);
  });

  it('keeps the brand the call is for out of PERSON all through the call', () => {
    expect(find("good morning you've reached coinvault i'm rashida what can i do for you", 'hi rashida my account is locked', 'thanks for contacting coinvault rashida have a good one')).toEqual([
      '0:rashida',
      '1:rashida',
      '2:rashida',
    ]);
    expect(find('hello franklin and young tax services bill speaking', 'thanks for contacting franklin and young tax services')).toEqual(['0:bill']);
  });

  it('still reads the caller thanked by name as a person', () => {
    expect(find('can i take your full name', 'saoirse kelly', 'thanks for calling saoirse')).toEqual(['1:saoirse kelly', '2:saoirse']);
  });

  it('reads a remembered month name before a day as a date', () => {
    expect(find("good morning i'm june what can i do for you", 'how about june 15 between 8am and 5pm')).toEqual(['0:june']);
  });

  it.each([
    ['"have a great day ahead"', 'Sure, have a great day ahead!'],
    ['the brand\'s last word before the closing', 'my pleasure thank you for calling lumen accounts have a great day'],
    ['"goodbye" after a closing', 'Okay. Have a great day. Goodbye.'],
  ])('reads no name into a sign-off: %s', (_label, text) => {
    expect(find(text)).toEqual([]);
  });

  it('does not read a spelled abbreviation as a name', () => {
    expect(find('can you pay into my account the i b a n is n l six two')).toEqual([]);
  });

  it('does not take an everyday word for a name after the name question', () => {
    expect(find('Who am I speaking with today?', 'Yeah hi, I need to send back a winter coat.')).toEqual([]);
  });
});
