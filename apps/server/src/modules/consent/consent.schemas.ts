import { Type } from '@sinclair/typebox';
import { MerchantCode, Timestamp, Uuid } from '../../platform/http/shared.schemas.ts';

/** The consent module's wire shapes: the consent document, a grant, a withdrawal. */
export const ConsentDocument = Type.Object({
  purpose: Type.String(),
  version: Type.String(),
  sha256: Type.String(),
  rawImagesKept: Type.Boolean({ description: 'whether this merchant keeps enrollment photos (encrypted)' }),
  retentionDays: Type.Integer({ description: 'days kept enrollment photos are kept at most' }),
  zh: Type.String(),
  en: Type.String(),
});

export const ConsentDocumentQuery = Type.Object({ merchantCode: MerchantCode });

export const ConsentGrant = Type.Object(
  { version: Type.String(), textSha256: Type.String({ pattern: '^[0-9a-f]{64}$' }), accepted: Type.Literal(true) },
  { additionalProperties: false },
);
export const ConsentGranted = Type.Object(
  { consentId: Uuid, version: Type.String(), grantedAt: Timestamp },
  { description: 'Consent recorded' },
);

/** The entrance consent ("recognise me when I enter"): its text, whether it is on, turning it on and off. */
export const EntranceConsentDocument = Type.Object(
  {
    purpose: Type.Literal('entrance_recognition'),
    version: Type.String(),
    sha256: Type.String(),
    visitWindowMinutes: Type.Integer({ description: 'a visit ends after this many minutes unseen (the text says so)' }),
    zh: Type.String(),
    en: Type.String(),
  },
  { description: 'The entrance consent text' },
);
export const EntranceConsentStatus = Type.Object(
  {
    on: Type.Boolean({ description: 'whether the member is recognised at the entrance (off until they turn it on)' }),
    version: Type.Union([Type.String(), Type.Null()], { description: 'the version agreed to; null when off' }),
    grantedAt: Type.Union([Timestamp, Type.Null()]),
    faceEnrolled: Type.Boolean({
      description:
        'the member has face data (enrolled for face payment); without it the entrance cannot recognise them',
    }),
    document: EntranceConsentDocument,
  },
  { description: 'Entrance recognition for this member, and the text to agree to' },
);
export const EntranceConsentWithdrawn = Type.Object(
  { on: Type.Literal(false), withdrawnAt: Timestamp },
  { description: 'Off from now on: the next crop of this member is counted anonymously' },
);
