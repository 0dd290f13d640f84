// The options for the anonymous search: POST /api/v1/zoeken with the answers of the
// guideline (nothing is stored or logged by the server).
import { useEffect, useState } from 'preact/hooks';
import { post } from '../api';
import { t } from '../i18n';
import { municipalities } from '../refdata';
import { answers, toSituation } from '../search';
import { useSession } from '../session';
import type { MatchAnswer, Municipality, Situation } from '../types';
import { OptionsView } from '../components/OptionsView';
import { Problem } from '../components/Problem';

export default function SearchOptions() {
  const [result, setResult] = useState<{
    answer: MatchAnswer;
    situation: Situation;
    municipalities: Municipality[];
  } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const empty = !answers.municipality_code;
  const { me } = useSession();

  useEffect(() => {
    if (empty) return;
    (async () => {
      const list = await municipalities();
      const situation = toSituation(answers, new Map(list.map((m) => [m.code, m])));
      const answer = await post<MatchAnswer>('/api/v1/zoeken?arrangements=true&limit=10', situation);
      setResult({ answer, situation, municipalities: list });
    })().catch(setError);
  }, []);

  const home = result
    ? result.municipalities.find((m) => m.code === result.situation.municipality_code)?.centroid
    : undefined;
  return (
    <section>
      <h1 class="utrecht-heading-1">{t('options.title')}</h1>
      {empty && (
        <>
          <p class="utrecht-paragraph">{t('options.empty')}</p>
          <p class="utrecht-paragraph">
            <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action big" href="/zoeken">
              {t('start.cta')}
            </a>
          </p>
        </>
      )}
      {!empty && (
        <p class="utrecht-paragraph">
          {t('options.anonymous_note')}{' '}
          <a class="utrecht-link" href="/zoeken?stap=12">
            {t('options.change_answers')}
          </a>
        </p>
      )}
      {error !== null && <Problem error={error} />}
      {!empty && !result && error === null && <p class="loading">{t('options.searching')}</p>}
      {result && (
        <OptionsView
          answer={result.answer}
          home={home}
          places={result.situation.places}
          municipalities={result.municipalities}
        />
      )}
      {/* After the options: on a phone the options come first, keeping them is the next step. */}
      {result && !me && (
        <div class="save-box">
          <h2 class="utrecht-heading-2">{t('save.offer_title')}</h2>
          <p class="utrecht-paragraph">{t('save.offer_text')}</p>
          <a class="utrecht-button-link utrecht-button-link--secondary-action" href="/zoeken/bewaren">
            {t('save.offer_link')}
          </a>
        </div>
      )}
    </section>
  );
}
