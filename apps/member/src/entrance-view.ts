import type { EntranceRecognition } from '@shualian/sdk';

/**
 * What the 进店识别 screen says of the member's state, decided without a browser (entrance-view.spec.ts):
 * - `off`: never turned on, or turned off;
 * - `on`: on for the current text, and the member has face data, so the entrance can recognise them;
 * - `on_no_face`: on, but without face data the entrance cannot recognise them (they are counted anonymously);
 * - `outdated`: on for an older text (still in force); the merchant changed the text and asks again.
 */
export type EntranceState = 'off' | 'on' | 'on_no_face' | 'outdated';

export function entranceState(
  status: Pick<EntranceRecognition, 'on' | 'version' | 'faceEnrolled'> & { document: { version: string } },
): EntranceState {
  if (!status.on) return 'off';
  if (status.version !== null && status.version !== status.document.version) return 'outdated';
  return status.faceEnrolled ? 'on' : 'on_no_face';
}

/** The consent text as a heading and its paragraphs (the server sends it as lines, the first the title). */
export function consentParagraphs(text: string): { heading: string; paragraphs: string[] } {
  const [heading = '', ...paragraphs] = text.split('\n').filter((line) => line.trim() !== '');
  return { heading, paragraphs };
}
