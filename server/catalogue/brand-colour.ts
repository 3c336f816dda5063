// The brand colour and the colours derived from it, so the shop stays readable (WCAG 2.2 AA) whatever
// colour a merchant picks: text on the brand colour is black or white, whichever contrasts more (always
// at least 4.5:1), and where the brand would be text on the white page, a colour dark enough is used.

export const BRAND_COLOUR_PATTERN = /^#[0-9a-f]{6}$/;

/** WCAG's AA contrast for normal text. */
export const AA_TEXT_CONTRAST = 4.5;

function channels(hex: string): [number, number, number] {
  return [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16)) as [
    number,
    number,
    number,
  ];
}

/** WCAG 2.2 relative luminance of an sRGB colour. */
export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((value) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

function toHex(rgb: number[]): string {
  return `#${rgb.map((value) => Math.round(value).toString(16).padStart(2, '0')).join('')}`;
}

/** The colour mixed towards black by `amount` (0..1). */
export function darken(hex: string, amount: number): string {
  return toHex(channels(hex).map((value) => value * (1 - amount)));
}

/** The brand colour darkened in steps until it reads as text on white at `ratio`. */
function readableOnWhite(hex: string, ratio: number): string {
  let colour = hex;
  for (let step = 0; step < 20 && contrastRatio(colour, '#ffffff') < ratio; step += 1) {
    colour = darken(colour, 0.1);
  }
  return colour;
}

export interface BrandPalette {
  /** Backgrounds: buttons, the header's band. */
  brand: string;
  /** Text on `brand`. */
  onBrand: string;
  /** `brand` under the pointer. */
  brandDark: string;
  onBrandDark: string;
  /** The brand as text or a link on the white page. */
  brandText: string;
}

const inkOn = (background: string) =>
  contrastRatio(background, '#000000') >= contrastRatio(background, '#ffffff')
    ? '#000000'
    : '#ffffff';

export function brandPalette(brand: string): BrandPalette {
  const brandDark = darken(brand, 0.2);
  return {
    brand,
    onBrand: inkOn(brand),
    brandDark,
    onBrandDark: inkOn(brandDark),
    brandText: readableOnWhite(brand, AA_TEXT_CONTRAST),
  };
}
