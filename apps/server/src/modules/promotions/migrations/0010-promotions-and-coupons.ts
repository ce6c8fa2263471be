import { sql, type Kysely } from 'kysely';

/**
 * Promotions (rules, an application method, a schedule, budgets and limits) and coupons (templates, the coupons
 * members hold, the merchant's welcome coupon and 刷脸红包 settings). Budgets are counted on the promotion's row and
 * the red-packet budget on the settings row, each raised by one conditional update that cannot pass its limit; the
 * checks below refuse any write that would.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table promotions (
      merchant_id uuid not null references merchants (id),
      id uuid not null,
      name text not null,
      status text not null check (status in ('active', 'paused')),
      rules jsonb not null,
      method jsonb not null,
      stacking text not null check (stacking in ('exclusive', 'stackable')),
      priority integer not null,
      starts_at timestamptz not null,
      ends_at timestamptz,
      budget_kind text not null check (budget_kind in ('none', 'uses', 'fen')),
      budget_limit bigint,
      budget_used bigint not null default 0,
      per_member_limit integer check (per_member_limit > 0),
      per_member_daily_limit integer check (per_member_daily_limit > 0),
      daily_limit integer check (daily_limit > 0),
      created_by uuid not null,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      revision integer not null default 0,
      constraint promotions_pk primary key (merchant_id, id),
      constraint promotions_budget_shape check ((budget_kind = 'none') = (budget_limit is null)),
      constraint promotions_budget_within check (budget_used >= 0 and (budget_limit is null or budget_used <= budget_limit)),
      constraint promotions_schedule check (ends_at is null or ends_at > starts_at)
    )`.execute(db);
  await sql`create index promotions_live on promotions (merchant_id, status, starts_at)`.execute(db);

  await sql`
    create table promotion_usages (
      merchant_id uuid not null,
      promotion_id uuid not null,
      payment_id uuid not null,
      member_id uuid,
      discount_fen bigint not null check (discount_fen >= 0),
      business_day date not null,
      created_at timestamptz not null,
      constraint promotion_usages_pk primary key (merchant_id, promotion_id, payment_id),
      constraint promotion_usages_promotion_fk foreign key (merchant_id, promotion_id)
        references promotions (merchant_id, id)
    )`.execute(db);
  await sql`create index promotion_usages_by_member on promotion_usages (merchant_id, member_id, promotion_id, business_day)`.execute(
    db,
  );
  await sql`create index promotion_usages_by_day on promotion_usages (merchant_id, promotion_id, business_day)`.execute(
    db,
  );

  await sql`
    create table coupon_templates (
      merchant_id uuid not null references merchants (id),
      id uuid not null,
      name text not null,
      status text not null check (status in ('active', 'paused')),
      rules jsonb not null,
      method jsonb not null,
      stacking text not null check (stacking in ('exclusive', 'stackable')),
      priority integer not null,
      validity_kind text not null check (validity_kind in ('fixed', 'days')),
      valid_from timestamptz,
      valid_until timestamptz,
      valid_days integer check (valid_days > 0),
      offline_only boolean not null,
      per_member_cap integer check (per_member_cap > 0),
      created_by uuid,
      created_at timestamptz not null,
      constraint coupon_templates_pk primary key (merchant_id, id),
      constraint coupon_templates_validity check (
        (validity_kind = 'fixed' and valid_from is not null and valid_until > valid_from and valid_days is null)
        or (validity_kind = 'days' and valid_days is not null and valid_from is null and valid_until is null))
    )`.execute(db);

  await sql`
    create table coupons (
      merchant_id uuid not null,
      id uuid not null,
      template_id uuid not null,
      member_id uuid not null,
      status text not null check (status in ('available', 'redeemed')),
      value_fen bigint check (value_fen > 0),
      valid_from timestamptz not null,
      valid_until timestamptz not null,
      source text not null check (source in ('grant', 'registration', 'campaign', 'red_packet')),
      issue_key text not null,
      issued_by uuid,
      reason text,
      issued_at timestamptz not null,
      redeemed_payment_id uuid,
      redeemed_at timestamptz,
      redeemed_order_fen bigint,
      restored_at timestamptz,
      constraint coupons_pk primary key (merchant_id, id),
      constraint coupons_issue_key_unique unique (merchant_id, issue_key),
      constraint coupons_template_fk foreign key (merchant_id, template_id) references coupon_templates (merchant_id, id),
      constraint coupons_member_fk foreign key (merchant_id, member_id) references members (merchant_id, id),
      constraint coupons_redeemed_shape check ((status = 'redeemed') = (redeemed_payment_id is not null)),
      constraint coupons_validity check (valid_until > valid_from)
    )`.execute(db);
  await sql`create index coupons_wallet on coupons (merchant_id, member_id, status, valid_until)`.execute(db);
  await sql`create index coupons_by_template_member on coupons (merchant_id, template_id, member_id)`.execute(db);
  await sql`create index coupons_by_payment on coupons (merchant_id, redeemed_payment_id) where redeemed_payment_id is not null`.execute(
    db,
  );

  await sql`
    create table promotion_settings (
      merchant_id uuid not null references merchants (id),
      restore_coupons_on_refund boolean not null,
      welcome_template_id uuid,
      red_packet_template_id uuid,
      red_packet_min_fen bigint not null check (red_packet_min_fen >= 0),
      red_packet_max_fen bigint not null,
      red_packet_budget_fen bigint not null check (red_packet_budget_fen >= 0),
      red_packet_spent_fen bigint not null default 0,
      updated_at timestamptz not null,
      constraint promotion_settings_pk primary key (merchant_id),
      constraint promotion_settings_welcome_fk foreign key (merchant_id, welcome_template_id)
        references coupon_templates (merchant_id, id),
      constraint promotion_settings_red_packet_fk foreign key (merchant_id, red_packet_template_id)
        references coupon_templates (merchant_id, id),
      constraint promotion_settings_red_packet_bounds check (red_packet_max_fen >= red_packet_min_fen),
      constraint promotion_settings_red_packet_within check (
        red_packet_spent_fen >= 0 and red_packet_spent_fen <= red_packet_budget_fen)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['promotion_settings', 'coupons', 'coupon_templates', 'promotion_usages', 'promotions'])
    await sql`drop table ${sql.table(table)}`.execute(db);
}
