/** A member's name as a kiosk may show it to the person paying: the first character, the rest starred. */
export const maskName = (name: string | null): string | null =>
  name ? `${[...name][0]}${'*'.repeat(Math.max(1, [...name].length - 1))}` : null;
