// How to reach an independent client supporter: on every page. index.html carries the same
// text statically, so it is there without JavaScript too.
import contact from '../contact.json';
import { lang, t } from '../i18n';

export function HelpBox() {
  return (
    <div class="help-inner">
      <h2 class="utrecht-heading-2" id="hulp-titel">
        {t('help.title')}
      </h2>
      <p class="utrecht-paragraph">{t('help.text')}</p>
      <p class="utrecht-paragraph contact">
        <strong>{contact.organisation}</strong>
        <br />
        {t('help.phone')}{' '}
        <a class="utrecht-link utrecht-link--telephone" href={`tel:${contact.phone_href}`}>
          {contact.phone}
        </a>
        <br />
        {t('help.email')}{' '}
        <a class="utrecht-link" href={`mailto:${contact.email}`}>
          {contact.email}
        </a>
        <br />
        {lang() === 'en' ? contact.hours_en : contact.hours_nl}
      </p>
    </div>
  );
}
