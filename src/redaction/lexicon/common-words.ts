/**
 * Everyday English of customer-service calls that faker's word lists lack: function words,
 * fillers, months and days, and the nouns and verbs of billing, banking and support. A name that
 * is also one of these words ("bill", "will", "may", "june", "mark", "grant") is a name only in
 * context. Kept short on purpose: the bulk of the vocabulary comes from data/english-words.ts.
 */
const TEXT = `
a about above across actually after again against ago ah ahead alright all almost along already also although always am among an and another any anyone anything anyway anywhere are aren't around as ask asked asking at away
back bad be became because become been before behind being below best better between beyond big bit both bring but by bye
call called caller calling calls came can can't cannot case cause certain certainly change check checking close come coming could couldn't
day days dear did didn't do does doesn't doing don't done down during
each early either else end enough even ever every everyone everything exactly
fine first for from full further
get gets getting give given go goes going gone good got great
had hadn't happy has hasn't have haven't having he he'll he's hello help her here here's hers herself hey hi him himself his hmm hold hope how however huh
i i'd i'll i'm i've if in indeed instead into is isn't it it'd it'll it's its itself
just keep kind know last late later least left less let let's like likely little long look lot lots
made make many may maybe me mean might mine minute minutes miss missed moment more most much must my myself
name named near need needed never new next nice no nobody none nope nor not nothing now number
of off oh ok okay old on once one only or other our ours out over own
page part past people perfect perhaps please plus pretty quite
rather real really right
said same say says see seem seems sent set several shall she she'll she's should shouldn't since so some someone something sometimes soon sorry speak speaking still such sure
take tell than thank thanks that that'll that's the their theirs them then there there's these they they'd they'll they're they've thing things think this those though through thus till to today together told tomorrow too took toward try trying
uh um umm under unless until up upon us use used
very via wait want wanted was wasn't way we we'd we'll we're we've well went were weren't what what's whatever when where where's whether which while who who's whole whom whose why will with within without won't would wouldn't
yeah yep yes yesterday yet you you'd you'll you're you've your yours yourself
january february march april june july august september october november december
monday tuesday wednesday thursday friday saturday sunday weekend morning afternoon evening night noon tonight
zero oh two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million double triple second third fourth fifth sixth seventh eighth ninth tenth
mastercard amex unionpay discover maestro jcb diners american express unk noise laughter inaudible crosstalk ip iban sku cvv cvc ssn zip pin atm id ok url pdf sms otp account accounts address amount app appointment autopay balance bank bill billing birth birthday booking branch card cards cash cell charge charges checkout claim code company confirm confirmation contact cost credit customer date debit delivery deposit dollar dollars due email expiry fee fees fraud home house insurance invoice line loan login mail manager member mobile money month monthly office online order package password pay payment phone pin plan policy price product purchase receipt refund reference reset return savings service shipping social statement street support ticket total tracking transfer update username visa wallet week year years zip
agent assist bills cheers chat chatting correct deal folks gotcha grand hang honest honestly mister missus mr mrs ms mx dr doctor sir madam ma'am mom dad son daughter wife husband brother sister uncle aunt
care bright brown cook frank grant green hunter king mark penny rich rose summer young baker chase hope joy price sky star will bill may june august long
`;

/** Common English words, lower case. */
export const COMMON_WORDS: ReadonlySet<string> = new Set(TEXT.split(/\s+/).filter(Boolean));
