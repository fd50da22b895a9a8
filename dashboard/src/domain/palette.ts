/**
 * Chart colours. Okabe–Ito (colour-blind safe) for categories; every colour below has at least
 * 3:1 contrast against white (WCAG 1.4.11 for graphical objects), and charts never rely on colour
 * alone: each bar is labelled and every chart has a text table.
 */
export const CATEGORY_COLORS = [
  '#0072B2', // blue
  '#D55E00', // vermillion
  '#009E73', // bluish green (3.3:1)
  '#CC79A7', // reddish purple (3.0:1)
  '#8A6D00', // dark yellow (instead of Okabe-Ito yellow, which fails 3:1 on white)
  '#6A3D9A', // purple
];
export const UNCLASSIFIED_COLOR = '#8C959F';

export const PRIMARY = '#0B5CAD';
export const SECONDARY = '#B34700';
export const GOOD = '#1B7F3B';
export const BAD = '#B3261E';
export const NEUTRAL = '#5F6368';

export function categoryColor(i: number): string {
  return CATEGORY_COLORS[i % CATEGORY_COLORS.length];
}
