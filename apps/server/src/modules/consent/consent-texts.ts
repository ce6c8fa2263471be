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
