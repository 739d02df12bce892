/**
 * The demo brand's sample calls: a dozen short contact-center conversations, each with the kind of
 * data callvault exists to hide (names, card numbers read out or keyed in, emails, addresses,
 * dates of birth) and the kind it must leave readable (order numbers, amounts, times). All values
 * are fictitious; the card numbers are the networks' documented test numbers.
 */
export interface DemoTurn {
  speaker: 'agent' | 'customer';
  text: string;
}

export interface DemoScript {
  id: string;
  agent: string;
  /** Minutes before first start the call began (so the list shows a spread of times). */
  minutesAgo: number;
  turns: DemoTurn[];
  /** Card digits the customer keys on the phone keypad after this turn (DTMF in the recording). */
  keypad?: { afterTurn: number; digits: string };
}

const a = (text: string): DemoTurn => ({ speaker: 'agent', text });
const c = (text: string): DemoTurn => ({ speaker: 'customer', text });

export const DEMO_SCRIPTS: DemoScript[] = [
  {
    id: 'demo-1001', agent: 'agent-ana', minutesAgo: 25,
    turns: [
      a('Thank you for calling Northwind Energy, this is Ana. How can I help?'),
      c("Hi, I'd like to pay my bill. My name is Maria Gonzalez."),
      a("Sure. What's the card number?"),
      c('It is 4111 1111 1111 1111.'),
      a('And the expiry date?'),
      c('Oh nine twenty seven.'),
      a('Thank you, the payment of 82 dollars is done. Your confirmation number is 55821.'),
    ],
  },
  {
    id: 'demo-1002', agent: 'agent-ben', minutesAgo: 55,
    turns: [
      a('Northwind Energy, Ben speaking. Who do I have on the line?'),
      c('This is james whitaker'),
      a('Thanks James. Can you confirm your date of birth for security?'),
      c('march fourth nineteen eighty two'),
      a('Great. What can I do today?'),
      c('I was charged twice for order 448213 and I am really not happy about it'),
      a("I'm sorry about that. I can see the duplicate charge of 64 dollars and I've refunded it. It will show in three to five days."),
      c('ok thank you'),
    ],
  },
  {
    id: 'demo-1003', agent: 'agent-ana', minutesAgo: 90,
    turns: [
      a('Thanks for calling, this is Ana. How can I help you today?'),
      c("I'm moving house and need to move my service. I'm Priya Raman."),
      a("Happy to help, Priya. What's the new address?"),
      c('It is 742 Evergreen Terrace, Springfield, Oregon 97477.'),
      a('And a phone number we can reach you on?'),
      c('Five four one, five five five, oh one nine two.'),
      a('All set. Your move is booked for the 14th between 8 and 12.'),
    ],
  },
  {
    id: 'demo-1004', agent: 'agent-chen', minutesAgo: 130,
    turns: [
      a('Northwind Energy payments, Chen here. I will send you to our secure keypad now, please type your card number and press hash.'),
      c('okay doing it now'),
      a('Thank you, that went through. The card ending 0005 has been charged 120 dollars.'),
      c('Great, thanks so much for your help'),
    ],
    keypad: { afterTurn: 1, digits: '5555555555554444#' },
  },
  {
    id: 'demo-1005', agent: 'agent-ben', minutesAgo: 180,
    turns: [
      a('Hello, Ben speaking, how can I help?'),
      c('I need to update my email address on the account.'),
      a("Sure, what's the new one?"),
      c('it is david dot okafor at example dot com'),
      a("Thanks David, that's updated. Anything else?"),
      c('no that is all'),
    ],
  },
  {
    id: 'demo-1006', agent: 'agent-dina', minutesAgo: 240,
    turns: [
      a('Thank you for calling, this is Dina. Can I have your name please?'),
      c('Sofia Marchetti.'),
      a('Thanks Sofia. To set up the direct debit I need the routing number and the account number.'),
      c('Routing is 021000021 and the account is 123456789.'),
      a('Perfect, the direct debit will start on the first of next month. The reference is DD-30317.'),
    ],
  },
  {
    id: 'demo-1007', agent: 'agent-chen', minutesAgo: 300,
    turns: [
      a('Chen speaking, how can I help?'),
      c("This is the third time I'm calling about the outage and nobody has fixed it. It's terrible."),
      a("I'm really sorry. I can see the ticket 88-1142. An engineer is booked for tomorrow morning."),
      c('Fine. My number is 503 555 0147 if they need me.'),
      a('Got it. I have added a credit of 20 dollars for the trouble.'),
    ],
  },
  {
    id: 'demo-1008', agent: 'agent-ana', minutesAgo: 360,
    turns: [
      a('Thanks for calling Northwind, Ana here.'),
      c('hi my card was declined on the website'),
      a("Let's try it over the phone then. Can you read me the card number?"),
      c('four five five six'),
      a('mm-hmm'),
      c('seven three seven five'),
      a('okay'),
      c('eight six eight nine'),
      a('go on'),
      c('nine eight five five'),
      a('And the three digit security code on the back?'),
      c('one two three'),
      a('Thank you, the payment is done.'),
    ],
  },
  {
    id: 'demo-1009', agent: 'agent-dina', minutesAgo: 420,
    turns: [
      a('Hello, Dina speaking.'),
      c("I'd like to close my account. My name is Tom Becker and my social is 219-09-9999."),
      a('I can help with that, Tom. Can you confirm the postcode on the account?'),
      c('SW1A 1AA'),
      a('Thanks. The account will close at the end of the billing period on the 30th.'),
    ],
  },
  {
    id: 'demo-1010', agent: 'agent-ben', minutesAgo: 500,
    turns: [
      a('Northwind Energy, Ben speaking.'),
      c('Hi, I want to check when my next bill is due.'),
      a('Of course. It is due on the 21st and the amount is 73 dollars 40.'),
      c('Perfect, that is all I needed. Have a lovely day.'),
      a('You too, goodbye.'),
    ],
  },
  {
    id: 'demo-1011', agent: 'agent-chen', minutesAgo: 600,
    turns: [
      a('Chen here, how can I help?'),
      c('I want to pay by card but I do not want to say the number out loud.'),
      a('No problem, I will start the secure keypad. Type the card number, then the expiry, and press hash.'),
      c('sure'),
      a('All done, the card ending 4242 is charged 45 dollars.'),
    ],
    keypad: { afterTurn: 3, digits: '4242424242424242#0928#' },
  },
  {
    id: 'demo-1012', agent: 'agent-dina', minutesAgo: 720,
    turns: [
      a('Thank you for calling, this is Dina.'),
      c('hello my name is kwame mensah and i got a letter about my account'),
      a('Thanks Kwame. Can you give me your date of birth?'),
      c('the ninth of july nineteen ninety'),
      a('Thank you. The letter is about the new tariff from next month, nothing is wrong with the account.'),
      c('oh good that is a relief thank you'),
    ],
  },
];
