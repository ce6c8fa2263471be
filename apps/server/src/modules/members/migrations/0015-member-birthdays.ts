import { sql, type Kysely } from 'kysely';

/**
 * A member's birthday (month and day; the year only when they give it): what birthday gifts are decided on. Set once
 * by the member (`birthday_set_at`), corrected afterwards only by staff, so a shopper cannot move it to farm gifts.
 * A day the calendar never has (31 April) is refused; 29 February only without a year, or in a leap year.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table members
      add column birth_month smallint,
      add column birth_day smallint,
      add column birth_year smallint,
      add column birthday_set_at timestamptz,
      add constraint members_birthday_whole check ((birth_month is null) = (birth_day is null)),
      add constraint members_birthday_year_needs_day check (birth_year is null or birth_month is not null),
      add constraint members_birthday_valid check (
        birth_month is null or (
          birth_month between 1 and 12
          and birth_day between 1 and (case
            when birth_month = 2 then 29
            when birth_month in (4, 6, 9, 11) then 30
            else 31 end)
          and (birth_year is null or birth_year between 1900 and 2100)
          and not (birth_month = 2 and birth_day = 29 and birth_year is not null
            and not (birth_year % 4 = 0 and (birth_year % 100 <> 0 or birth_year % 400 = 0)))
        )
      )
  `.execute(db);
  // The daily birthday job asks a merchant for the members born on a day.
  await sql`
    create index members_birthday on members (merchant_id, birth_month, birth_day) where birth_month is not null
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index members_birthday`.execute(db);
  await sql`
    alter table members
      drop constraint members_birthday_valid,
      drop constraint members_birthday_year_needs_day,
      drop constraint members_birthday_whole,
      drop column birthday_set_at,
      drop column birth_year,
      drop column birth_day,
      drop column birth_month
  `.execute(db);
}
