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
