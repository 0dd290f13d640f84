// The start page: what Passend is, for whom, how a client supporter helps. index.html
// holds the same text statically (for visitors without JavaScript).
import { t } from '../i18n';
import { useSession } from '../session';
import { homeFor } from '../routes';

export default function Start() {
  const { me } = useSession();
  return (
    <article class="start">
      <h1 class="utrecht-heading-1">{t('start.heading')}</h1>
      <p class="utrecht-paragraph lead">{t('start.intro')}</p>
      <p class="actions">
        <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action big" href="/zoeken">
          {t('start.cta')}
        </a>
        {me ? (
          <a class="utrecht-link" href={homeFor(me.role)}>
            {t('start.to_my_page')}
          </a>
        ) : (
          <a class="utrecht-link" href="/inloggen">
            {t('start.login')}
          </a>
        )}
      </p>
      <h2 class="utrecht-heading-2">{t('start.who_title')}</h2>
      <p class="utrecht-paragraph">{t('start.who_text')}</p>
      <h2 class="utrecht-heading-2">{t('start.how_title')}</h2>
      <ol class="utrecht-ordered-list">
        <li>{t('start.how_1')}</li>
        <li>{t('start.how_2')}</li>
        <li>{t('start.how_3')}</li>
      </ol>
      <h2 class="utrecht-heading-2">{t('start.oco_title')}</h2>
      <p class="utrecht-paragraph">{t('start.oco_text')}</p>
      <p class="utrecht-paragraph">{t('start.oco_right')}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="#hulp">
          {t('start.oco_contact')}
        </a>
      </p>
    </article>
  );
}
