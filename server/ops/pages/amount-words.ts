// An amount of dong in English words for the refund confirmation: "fifty thousand dong" next to the
// digits, so a slip of three zeros ("50.000" read as 50) shows before any money moves.

const ONES = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SCALES = ['', 'thousand', 'million', 'billion', 'trillion', 'quadrillion'];

/** 0..999 in words: 305 reads "three hundred five". */
function belowThousand(n: number): string {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds > 0) words.push(`${ONES[hundreds]} hundred`);
  if (rest >= 20) {
    const ones = rest % 10;
    words.push(
      ones === 0 ? TENS[Math.floor(rest / 10)]! : `${TENS[Math.floor(rest / 10)]}-${ONES[ones]}`,
    );
  } else if (rest > 0) {
    words.push(ONES[rest]!);
  }
  return words.join(' ');
}

/** 1250000 reads "one million two hundred fifty thousand dong". */
export function dongInWords(amount: number): string {
  if (!Number.isSafeInteger(amount) || amount < 0) return `${amount} dong`;
  if (amount === 0) return 'zero dong';
  const groups: string[] = [];
  let rest = amount;
  for (let scale = 0; rest > 0 && scale < SCALES.length; scale += 1) {
    const group = rest % 1000;
    if (group > 0) groups.unshift([belowThousand(group), SCALES[scale]].filter(Boolean).join(' '));
    rest = Math.floor(rest / 1000);
  }
  return `${groups.join(' ')} dong`;
}
