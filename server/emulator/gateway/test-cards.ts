// The sandbox test cards of docs/zalopay-protocol.md §9.3 and the outcome each one produces on the gateway page:
// a Visa card for channel 36 and SBI bank ATM cards for channel 39.

export type CardOutcome = 'success' | 'insufficient_funds' | 'timeout' | 'lost_or_stolen';

export interface TestCard {
  number: string;
  /** pmcid: 36 Visa/Master/JCB, 39 ATM. */
  channel: 36 | 39;
  /** The redirect's `bankcode`: "CC" for cards (observed); the ATM value is unconfirmed, the bank's code here. */
  bankCode: 'CC' | 'SBI';
  outcome: CardOutcome;
}

const atm = (outcome: CardOutcome, numbers: string[]): TestCard[] =>
  numbers.map((number) => ({ number, channel: 39, bankCode: 'SBI', outcome }));

export const TEST_CARDS: readonly TestCard[] = [
  { number: '4111111111111111', channel: 36, bankCode: 'CC', outcome: 'success' },
  ...atm('success', [
    '9704540000000062',
    '9704540000000070',
    '9704540000000088',
    '9704540000000096',
    '9704541000000094',
    '9704541000000078',
  ]),
  ...atm('lost_or_stolen', [
    '9704540000000013',
    '9704540000000021',
    '9704541000000029',
    '9704541000000052',
    '9704541000000060',
    '9704541000000086',
  ]),
  ...atm('timeout', ['9704540000000039', '9704541000000037', '9704540000000054']),
  ...atm('insufficient_funds', ['9704540000000047', '9704541000000011', '9704541000000045']),
];

/** The first card of each outcome: the choices offered on the gateway page. */
export const OFFERED_TEST_CARDS: readonly TestCard[] = [
  '4111111111111111',
  '9704540000000062',
  '9704540000000047',
  '9704540000000039',
  '9704540000000013',
]
  .map((number) => findTestCard(number))
  .filter((card) => card !== undefined);

export function findTestCard(number: string): TestCard | undefined {
  const digits = number.replaceAll(/\s/g, '');
  return TEST_CARDS.find((card) => card.number === digits);
}

/** The card used when a card payment asks for a channel but names no card: that channel's success card. */
export function defaultCardFor(channel: 36 | 39): TestCard {
  const card = TEST_CARDS.find(
    (candidate) => candidate.channel === channel && candidate.outcome === 'success',
  );
  if (!card) throw new Error(`no success test card for channel ${channel}`);
  return card;
}
