import { t } from '../i18n';

export default function NotFound() {
  return (
    <section>
      <h1 class="utrecht-heading-1">{t('notfound.title')}</h1>
      <p class="utrecht-paragraph">{t('notfound.text')}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/">
          {t('notfound.home')}
        </a>
      </p>
    </section>
  );
}
