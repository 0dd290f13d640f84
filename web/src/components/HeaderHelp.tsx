import contact from '../contact.json';
import { t } from '../i18n';

// The short line under the header: help is one call away, on every page.
export function HeaderHelp() {
  return (
    <>
      <a class="utrecht-link" href="#hulp">
        {t('help.short')}
      </a>{' '}
      <a class="utrecht-link utrecht-link--telephone" href={`tel:${contact.phone_href}`}>
        {contact.phone}
      </a>
    </>
  );
}
