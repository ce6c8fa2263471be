import type { MemberActor } from '../platform/actors.ts';
import type { Services } from '../container.ts';
import { demoFace } from './demo-face.ts';

/** The member a newcomer pays as at the demo kiosk: printed in the start-up banner. */
export const DEMO_MEMBER = {
  name: '演示会员',
  phone: '13900000001',
  pin: '852963',
  openingBalanceFen: 50_000,
  passwordFree: { perPaymentLimitFen: 10_000, dailyLimitFen: 50_000 },
} as const;

const OPENING_TOP_UP_KEY = 'demo-member-opening-balance';

/**
 * Makes sure the demo merchant has 演示会员: consent to the current text, a face enrolled from the demo photo through
 * the real enrollment path, an opening balance topped up at the till by the merchant admin (with a reason, on the
 * ledger) and 免密 on with a PIN. Each step looks at what is already there, so a restart does nothing twice; it needs
 * the face engine and the galleries, so it runs after they load and readiness waits for it.
 * Returns the member's id, or undefined when there is no demo merchant.
 */
export async function ensureDemoMember(services: Services): Promise<string | undefined> {
  const merchant = await services.tenancy.demoMerchant();
  if (!merchant) return undefined;
  const member = await services.members.ensure(merchant.id, DEMO_MEMBER.phone, DEMO_MEMBER.name);
  const actor: MemberActor = { type: 'member', merchantId: merchant.id, memberId: member.id };

  const consent = await services.consents.document(merchant.id);
  await services.consents.grant(actor, {
    version: consent.version,
    textSha256: consent.sha256,
    userAgent: 'demo seed',
  });
  // A data folder from before a face model upgrade holds templates the new engine cannot compare: enroll again.
  const face = await services.faceData.summary(actor);
  if (!face.enrolled || face.model !== (await services.recognizer()).model) {
    await services.faceData.enroll(actor, [await demoFace()]);
  }

  const staff = await services.staff.actorByUsername('boss');
  if (staff && staff.merchantId === merchant.id) {
    // The idempotency key makes this one top-up however often the server starts.
    await services.wallets.topUp(staff, {
      merchantId: merchant.id,
      memberId: member.id,
      amountFen: DEMO_MEMBER.openingBalanceFen,
      idempotencyKey: OPENING_TOP_UP_KEY,
      channel: 'till',
      reason: '演示会员开户余额 (demo opening balance)',
    });
  }

  const agreement = await services.agreements.view(actor);
  if (!agreement.pinSet) await services.agreements.setPin(actor, { pin: DEMO_MEMBER.pin });
  if (!agreement.passwordFree)
    await services.agreements.update(actor, { passwordFree: true, ...DEMO_MEMBER.passwordFree });
  return member.id;
}
