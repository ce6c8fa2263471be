import { Type } from '@sinclair/typebox';
import { Base64Image, decodeImage } from '../../../platform/http/shared.schemas.ts';

/** What a kiosk sends of a flash session, for a payment or a calibration capture alike. */
const Rgb = Type.Array(Type.Integer({ minimum: 0, maximum: 255 }), {
  minItems: 3,
  maxItems: 3,
  description: '[red, green, blue]',
});

export const ColourChallengeSchema = Type.Object({
  nonce: Type.String(),
  totalMs: Type.Integer(),
  steps: Type.Array(Type.Object({ rgb: Rgb, startMs: Type.Integer(), durationMs: Type.Integer() })),
});

// A frame's time is when the camera took it where the browser says so, which can fall just before capture began.
export const FrameList = (atMs: string) =>
  Type.Array(
    Type.Object(
      { image: Base64Image, atMs: Type.Integer({ minimum: -1_000, maximum: 60_000, description: atMs }) },
      { additionalProperties: false },
    ),
    {
      minItems: 1,
      maxItems: 16,
    },
  );
export const Frames = (atMs: string) => Type.Object({ frames: FrameList(atMs) }, { additionalProperties: false });
export const FlashFrames = Type.Object(
  {
    frames: FrameList('ms since the first colour went up, by the kiosk clock: when the camera took the frame'),
    shownAtMs: Type.Optional(
      Type.Array(Type.Integer({ minimum: 0, maximum: 60_000 }), {
        minItems: 2,
        maxItems: 64,
        description:
          'when the kiosk actually put each colour up (0 for the first) and took the flash down; without it the schedule is assumed',
      }),
    ),
  },
  { additionalProperties: false },
);
export const decodeFrames = (frames: Array<{ image: string; atMs: number }>) =>
  frames.map((f, i) => ({ image: decodeImage(f.image, `frames[${i}].image`), atMs: f.atMs }));
