// Reads a text aloud with the browser's own speech (nothing leaves the computer). Shown only
// where the browser can speak.
import { useEffect, useState } from 'preact/hooks';
import { lang, t } from '../i18n';

export function canSpeak(): boolean {
  return typeof window !== 'undefined' && 'speechSynthesis' in window;
}

export function ReadAloud({ text }: { text: () => string }) {
  const [speaking, setSpeaking] = useState(false);
  useEffect(() => () => window.speechSynthesis?.cancel(), []);
  if (!canSpeak()) return null;
  const toggle = () => {
    const synth = window.speechSynthesis;
    if (speaking) {
      synth.cancel();
      setSpeaking(false);
      return;
    }
    const u = new SpeechSynthesisUtterance(text());
    u.lang = lang() === 'en' ? 'en-GB' : 'nl-NL';
    u.rate = 0.9;
    u.onend = () => setSpeaking(false);
    u.onerror = () => setSpeaking(false);
    synth.cancel();
    synth.speak(u);
    setSpeaking(true);
  };
  return (
    <button
      type="button"
      class="utrecht-button utrecht-button--secondary-action read-aloud"
      aria-pressed={speaking}
      onClick={toggle}
    >
      <svg class="icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
        <path d="M3 9v6h4l5 4V5L7 9H3z" fill="currentColor" />
        <path
          d="M15.5 8.5a5 5 0 0 1 0 7M18 6a8.5 8.5 0 0 1 0 12"
          fill="none"
          stroke="currentColor"
          stroke-width="2"
          stroke-linecap="round"
        />
      </svg>
      {speaking ? t('speech.stop') : t('speech.read')}
    </button>
  );
}
