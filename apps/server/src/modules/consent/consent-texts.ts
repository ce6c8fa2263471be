import { createHash } from 'node:crypto';

/**
 * The biometric consent a member reads before any face data is taken. Versioned: a member's consent names the version
 * and the hash of the exact text they saw; a new version needs new consent.
 */
export const BIOMETRIC_PURPOSE = 'biometric_face_payment';
export const CURRENT_CONSENT_VERSION = '2026-12-01';

/**
 * `rawImages` is what the merchant's settings really do with the enrollment photos: not kept (the default), or kept
 * encrypted and deleted after `retentionDays`. The text, the consent screen's footer and "my face data" say the same.
 */
export function consentText(
  merchantName: string,
  rawImages: { kept: boolean; retentionDays: number },
): { zh: string; en: string } {
  const { kept, retentionDays } = rawImages;
  return {
    zh: [
      `《人脸信息处理单独同意书》（版本 ${CURRENT_CONSENT_VERSION}）`,
      `处理者：${merchantName}（以下简称"商户"），使用刷脸系统提供服务。`,
      '目的：仅用于在商户各门店识别您的会员身份并完成刷脸付款，以及防范冒用（活体检测）。不用于其他目的，不向第三方提供。',
      kept
        ? `处理的信息：由您的人脸图像计算出的人脸特征值（加密存储）；本商户保存录入时的原始照片（加密存储），最长 ${retentionDays} 天后自动删除。`
        : '处理的信息：由您的人脸图像计算出的人脸特征值（加密存储）；不保存原始照片。',
      '保存期限：人脸特征值保存至您撤回同意、删除人脸数据或注销会员为止。',
      '您的权利：可随时在"我的人脸数据"中查看、删除人脸数据或撤回本同意；撤回后人脸数据立即删除，刷脸付款随即停用，不影响其他会员服务。',
      '拒绝同意不影响您使用手机号和其他方式付款。',
    ].join('\n'),
    en: [
      `Separate consent to the processing of facial information (version ${CURRENT_CONSENT_VERSION})`,
      `Controller: ${merchantName} ("the merchant"), using the Shualian system.`,
      "Purpose: only to recognise you as a member in the merchant's stores, to let you pay by face, and to prevent misuse (liveness checks). Not used for anything else, not shared with third parties.",
      kept
        ? `Data: a face template computed from your face images, stored encrypted. This merchant keeps the raw photos taken at enrollment, encrypted, and deletes them after at most ${retentionDays} days.`
        : 'Data: a face template computed from your face images, stored encrypted. Raw photos are not kept.',
      'Retention: the face template is kept until you withdraw consent, delete your face data or close your membership.',
      'Your rights: view or delete your face data, or withdraw this consent, at any time under "My face data". Withdrawal deletes the face data at once and turns face payment off; other member services continue.',
      'Refusing does not stop you from paying by phone number or other means.',
    ].join('\n'),
  };
}

export function consentTextHash(text: { zh: string; en: string }): string {
  return createHash('sha256').update(text.zh).update('\n---\n').update(text.en).digest('hex');
}

/**
 * The entrance's own consent ("recognise me when I enter"), separate from the biometric consent to face payment and
 * off until the member turns it on. Versioned like it: a new version needs the member to turn it on again.
 */
export const ENTRANCE_PURPOSE = 'entrance_recognition';
export const CURRENT_ENTRANCE_CONSENT_VERSION = '2026-12-03';

/** `visitWindowMinutes`: after how long unseen a visit ends, as the merchant set it. */
export function entranceConsentText(merchantName: string, visitWindowMinutes: number): { zh: string; en: string } {
  return {
    zh: [
      `《进店识别单独同意书》（版本 ${CURRENT_ENTRANCE_CONSENT_VERSION}）`,
      `处理者：${merchantName}（以下简称"商户"），使用刷脸系统提供服务。`,
      '目的：您进入商户门店时，门口摄像头用您为刷脸付款录入的人脸特征值识别您的会员身份，以便店员为您提供会员服务（店员可看到您的姓氏、会员等级、可用优惠券）并记录您的到店时间。',
      `处理的信息：到店记录（门店、进店与离店时间、停留时长）与您的会员身份关联保存；摄像头画面与人脸图像不保存。离店（${visitWindowMinutes} 分钟内未再被看到，或经出口离开）即结束本次到店记录。`,
      '本同意与刷脸付款的同意相互独立：不开启本项，您仍可刷脸付款，进店时只作为匿名客流计数（仅计人数、时间、年龄段与性别估计，不识别身份）。',
      '您的权利：可随时在会员中心关闭"进店识别"，关闭后立即生效，此后您进店不再被识别。',
    ].join('\n'),
    en: [
      `Separate consent to recognition at the store entrance (version ${CURRENT_ENTRANCE_CONSENT_VERSION})`,
      `Controller: ${merchantName} ("the merchant"), using the Shualian system.`,
      "Purpose: when you enter one of the merchant's stores, the entrance camera recognises you as a member with the face template you enrolled for face payment, so staff can serve you as a member (they see your masked name, tier and usable coupons) and your visit is recorded.",
      `Data: your visits (store, times in and out, time spent) are kept with your membership; camera pictures and face images are not kept. A visit ends when you are not seen for ${visitWindowMinutes} minutes or leave through an exit camera.`,
      'This consent is separate from the consent to face payment: without it you can still pay by face, and at the entrance you are only counted anonymously (a count, times, an age band and gender estimate; never who you are).',
      'Your rights: turn "recognise me when I enter" off at any time in the member app; it takes effect at once and you are not recognised at the entrance from then on.',
    ].join('\n'),
  };
}
