/** The words of the 进店识别 screen and its links, Chinese first; spread into the member app's messages (messages.ts). */
export const ENTRANCE_ZH = {
  'home.entrance': '进店识别',
  'home.entranceOn': '已开启：进店时店员会认出您',
  'home.entranceOff': '未开启：进店时只计人数，不识别身份',
  'face.entranceLink': '进店识别设置',
  'entrance.title': '进店识别',
  'entrance.intro':
    '开启后，您走进门店时，门口摄像头用您录入的人脸认出您的会员身份，店员能看到您的姓氏（打码）、会员等级和可用优惠券。这是一项单独的同意，默认关闭，与刷脸支付无关；随时可以关闭。',
  'entrance.stateOn': '已开启（同意书版本 {version}，{date}）',
  'entrance.stateOff': '未开启：进店时只计人数，不识别您的身份。',
  'entrance.switch': '进店时识别我',
  'entrance.onHint': '打开即表示您已阅读并同意下方的《进店识别单独同意书》。',
  'entrance.offHint': '关闭后立即生效：从下一次被摄像头看到起，您只被计入人数，店员也立刻看不到您。',
  'entrance.turnedOn': '进店识别已开启。',
  'entrance.turnedOff': '进店识别已关闭，立即生效。',
  'entrance.noFace': '您还没有录入人脸：即使开启，门口摄像头也无法认出您。请先开通刷脸支付并录入人脸。',
  'entrance.noFaceOn': '已开启，但您还没有录入人脸，门口摄像头暂时无法认出您。录入人脸后即可生效。',
  'entrance.toFace': '去录入人脸',
  'entrance.outdated': '您同意的是旧版本（{old}）；同意书已更新为 {version}，请阅读后同意新版本。',
  'entrance.agreeNew': '同意新版本',
  'entrance.meta': '同意书版本 {version}。离店 {minutes} 分钟后本次到店记录结束；不保存摄像头画面或人脸图像。',
} as const;

export const ENTRANCE_EN: Record<keyof typeof ENTRANCE_ZH, string> = {
  'home.entrance': 'Recognise me when I enter',
  'home.entranceOn': 'On: staff know you when you walk in',
  'home.entranceOff': 'Off: you are only counted at the door, never identified',
  'face.entranceLink': 'Recognise me when I enter',
  'entrance.title': 'Recognise me when I enter',
  'entrance.intro':
    'When this is on and you walk into a store, the entrance camera recognises you as a member with the face you enrolled, and staff see your masked name, tier and usable coupons. It is a separate consent, off by default and apart from face payment; turn it off at any time.',
  'entrance.stateOn': 'On (consent version {version}, {date})',
  'entrance.stateOff': 'Off: at the entrance you are only counted, never identified.',
  'entrance.switch': 'Recognise me when I enter',
  'entrance.onHint': 'Turning it on means you have read and agree to the consent below.',
  'entrance.offHint':
    'Turning it off takes effect at once: from the camera’s next look you are only counted, and staff stop seeing you now.',
  'entrance.turnedOn': 'Recognition at the entrance is on.',
  'entrance.turnedOff': 'Recognition at the entrance is off, from now.',
  'entrance.noFace':
    'You have not enrolled your face: even when on, the entrance camera cannot recognise you. Set up face payment and enrol your face first.',
  'entrance.noFaceOn':
    'On, but you have not enrolled your face, so the entrance camera cannot recognise you yet. It works once you enrol.',
  'entrance.toFace': 'Enrol my face',
  'entrance.outdated':
    'You agreed to an older version ({old}); the consent is now version {version}. Please read it and agree to the new version.',
  'entrance.agreeNew': 'Agree to the new version',
  'entrance.meta':
    'Consent version {version}. A visit ends {minutes} minutes after you were last seen; no camera picture or face image is kept.',
};
