// The menu: the search for everyone, the pages of your role once logged in, log in or out,
// and the language.
import { lang, setLang, t } from '../i18n';
import { logout, useSession } from '../session';
import { routes } from '../routes';
import { navigate, useLocation } from '../router';

export function Nav() {
  const { me } = useSession();
  const { pathname } = useLocation();
  const mine = me ? routes.filter((r) => r.menu && r.roles?.includes(me.role)) : [];
  const link = (href: string, label: string) => (
    <li>
      <a
        class="utrecht-link nav-link"
        href={href}
        aria-current={pathname === href ? 'page' : undefined}
      >
        {label}
      </a>
    </li>
  );
  return (
    <nav aria-label={t('nav.label')}>
      <ul class="nav-list">
        {link('/zoeken', t('nav.search'))}
        {mine.map((r) => link(r.path, t(r.menu!)))}
        {!me && link('/inloggen', t('nav.login'))}
        {me && (
          <li>
            <button
              type="button"
              class="utrecht-button utrecht-button--subtle nav-button"
              onClick={async () => {
                await logout().catch(() => undefined);
                navigate('/');
              }}
            >
              {t('nav.logout', { name: me.display_name })}
            </button>
          </li>
        )}
        <li>
          <button
            type="button"
            class="utrecht-button utrecht-button--subtle nav-button"
            lang={lang() === 'nl' ? 'en' : 'nl'}
            onClick={() => void setLang(lang() === 'nl' ? 'en' : 'nl')}
          >
            {t('nav.other_language')}
          </button>
        </li>
      </ul>
    </nav>
  );
}
