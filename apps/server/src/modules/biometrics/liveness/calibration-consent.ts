/**
 * What a member of staff agrees to before their face, and the attacks they hold up, are recorded at a kiosk for a
 * liveness calibration. Only the checks' measurements are kept; the capture's record names the version agreed to.
 */
export const CALIBRATION_CONSENT_VERSION = '2026-12-03';

export function calibrationConsentText(merchantName: string): { zh: string; en: string } {
  return {
    zh: [
      `《活体检测校准采集说明》（版本 ${CALIBRATION_CONSENT_VERSION}）`,
      `${merchantName} 的技术人员将在收银机前录制真人与攻击样本（打印照片、屏幕、面具），用于设定活体检测门槛。`,
      '只保存各项检测的测量值与结果，不保存图像，不计算、不保存人脸特征值，不用于识别任何人。',
      '参与者可随时拒绝或停止；采集记录可由商户管理员删除。',
    ].join('\n'),
    en: [
      `Liveness calibration capture (version ${CALIBRATION_CONSENT_VERSION})`,
      `A technician of ${merchantName} records live faces and attacks (printed photos, screens, masks) at a kiosk to set the liveness thresholds.`,
      'Only the measurements and results of each check are kept: no image, no face template, and nobody is identified.',
      "Anyone taking part may refuse or stop at any time; the merchant's admins may delete the records.",
    ].join('\n'),
  };
}
