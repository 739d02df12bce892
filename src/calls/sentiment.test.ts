import { describe, expect, it } from 'vitest';
import { callSentiment, sentimentOf } from './sentiment.js';

describe('turn sentiment', () => {
  it('reads complaints as negative and thanks as positive, within -1..1', () => {
    const angry = sentimentOf("This is ridiculous, I don't want to be charged again, it's unacceptable.");
    const glad = sentimentOf('Great, thank you so much for your help today!');
    expect(angry).toBeLessThan(-0.5);
    expect(glad).toBeGreaterThan(0.5);
    expect(Math.abs(sentimentOf('awful terrible horrible disgusting useless rubbish'))).toBeLessThanOrEqual(1);
  });

  it('counts a negated word against its valence', () => {
    expect(sentimentOf('I am happy with it')).toBeGreaterThan(0);
    expect(sentimentOf('I am not happy with it')).toBeLessThan(0);
  });

  it('treats redaction markers and bare numbers as neutral', () => {
    expect(sentimentOf('The card is [CREDIT_CARD] and the email [EMAIL].')).toBe(0);
    expect(sentimentOf('4 5 6')).toBe(0);
  });

  it('weights a call by turn length so a short "ok" does not outweigh a complaint', () => {
    const turns = [
      { text: 'ok', sentiment: 0.5 },
      { text: 'I have been waiting for two hours and nobody helped, this is a disgrace', sentiment: -0.8 },
    ];
    expect(callSentiment(turns)).toBeLessThan(-0.6);
    expect(callSentiment([])).toBeNull();
  });
});
