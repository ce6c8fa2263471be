import type { ColumnType } from 'kysely';

declare module '@shualian/db' {
  interface MembersTable {
    /** The member's birthday, 1–12 and 1–31 (a day the month has); null: not given. */
    birth_month: ColumnType<number | null, number | null | undefined, number | null>;
    birth_day: ColumnType<number | null, number | null | undefined, number | null>;
    /** Only when the member gave it; birthday gifts never need it. */
    birth_year: ColumnType<number | null, number | null | undefined, number | null>;
    /** When it was set (by the member, or corrected by staff): a birthday once set is closed to the member. */
    birthday_set_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  }
}
