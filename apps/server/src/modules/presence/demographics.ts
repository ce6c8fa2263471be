/**
 * What the face engine estimates of an anonymous visitor, in the coarse bands the traffic report counts: never an
 * exact age, never tied to a name.
 */
export const AGE_BANDS = ['<18', '18-24', '25-34', '35-44', '45-54', '55+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const GENDERS = ['female', 'male'] as const;
export type Gender = (typeof GENDERS)[number];

/** The band an estimated age falls in. */
export function ageBandOf(age: number): AgeBand {
  if (age < 18) return '<18';
  if (age < 25) return '18-24';
  if (age < 35) return '25-34';
  if (age < 45) return '35-44';
  if (age < 55) return '45-54';
  return '55+';
}
