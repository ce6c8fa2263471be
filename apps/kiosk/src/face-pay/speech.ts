/** Says a hint aloud where the browser can speak; the same hint is not repeated within a few seconds. */
let last: { text: string; at: number } | undefined;

export function speak(text: string, lang: string): void {
  const synth = typeof speechSynthesis === 'undefined' ? undefined : speechSynthesis;
  if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return;
  const now = performance.now();
  if (last && last.text === text && now - last.at < 4000) return;
  last = { text, at: now };
  try {
    synth.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = lang === 'en' ? 'en-GB' : 'zh-CN';
    synth.speak(utterance);
  } catch {
    // A kiosk without a voice still shows every hint on screen.
  }
}
