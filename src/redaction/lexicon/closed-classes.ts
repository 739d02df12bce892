/**
 * Small closed word classes the PERSON / ADDRESS detectors reason with. Lower case.
 */
const set = (text: string): ReadonlySet<string> => new Set(text.split(/\s+/).filter(Boolean));

/** Words that end a street or a name: a street is never "... and ...", a name never "... is ...". */
export const FUNCTION_WORDS = set(
  "a an and or but the to for of in on at by from with is are was were be it its it's that this these those my your our their his her i you we they he she me us them if so as than then also just please thanks thank okay ok yes no not do does did have has had will would can could should",
);
/** Titles after which even an everyday word is a surname ("thank you mister fox"). */
export const PERSONAL_TITLES = set('mr mrs ms miss missus mister dr mx prof');
export const FILLER_WORDS = set('uh um umm er erm hmm ah oh');
/** Contractions typed in chat without their apostrophe ("ive", "isnt"): never a name, never part of a handle. */
export const CHAT_CONTRACTIONS = set('im ive ill youre youve theyre dont doesnt didnt cant wont isnt wasnt hasnt havent thats whats');
/** Apartment / suite / flat words that start a unit ("Apt 4B", "suite one ten", "# 212"). */
export const UNIT_WORDS = set('apt apartment suite ste unit flat # number no room rm floor fl building bldg lot space');
/** Months and days: capitalised in formatted text, never names without a strong cue. */
export const CALENDAR_WORDS = set(
  'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday',
);
/** Words right after a capitalised run that make it an organisation, product or place. */
export const ORG_WORDS = set(
  'customer care support team ranch branch pediatrics paediatrics dentistry orthodontics veterinary vet wellness therapy physio chiropractic optometry family legal accounting consulting pizza kitchen bakery boutique salon spa garage repairs cleaners bank banking insurance energy electric gas power utilities clinic hospital medical health healthcare pharmacy group foundation apartments apartment suites suite hotel hotels inn resort motel inc llc ltd co corp corporation company services service solutions airlines airways air outfitters home homes mutual credit union federal national financial partners associates law realty motors supply store stores shop market cafe restaurant grill bar university college school academy center centre city county valley park street road avenue lane drive telecom wireless mobile networks network cable internet logistics express delivery couriers labs software systems technologies tech studio studios fitness gym dental vision pharmaceuticals holdings capital trust savings loans lending auto autos travel tours cruises',
);

/**
 * Syllables of romanised Korean given names ("hyun woo", "min jun", "jae won", "seo yeon"). A given
 * name is two of them, often typed apart and always said apart, and many are English words alone
 * ("woo", "won", "min", "young"), so only a pair of them reads as a name.
 */
export const KOREAN_GIVEN_SYLLABLES = set(
  'min jun joon ji woo won hyun jae seo yeon yeong young soo su ho jin eun hee bin hoon seok sung seong hye kyung kyeong jung jeong yun yoon hwa sook ja rin chan dong tae hyuk gyu kyu woong sang seung wook yong hyo mi sun seon yu ju hyeon gi ki chul cheol eon hak nam kwang gwang myung myeong',
);
/** Syllables that are also common English words or sounds: not the first syllable ("so young", "sun god"). */
export const KOREAN_NOT_FIRST = set('young sun mi ju yu gi ki nam');
