// The menu: the search for everyone, the pages of your role once logged in, who is logged
// in, log out, and the language. On a phone a logged-in menu folds behind a "Menu" button,
// so the page itself is on the first screen (a care office has seven menu pages).
import { useEffect, useState } from 'preact/hooks';
import { lang, setLang, t } from '../i18n';
import { logout, useSession } from '../session';
import { routes } from '../routes';
import { navigate, useLocation } from '../router';

export function Nav() {
  const { me } = useSession();
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  useEffect(() => setOpen(false), [pathname, me?.user_id]);
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
      {me && (
        <button
          type="button"
          class="utrecht-button utrecht-button--subtle nav-button nav-toggle"
          aria-expanded={open ? 'true' : 'false'}
          aria-controls="menu-lijst"
          onClick={() => setOpen(!open)}
        >
          {t('nav.menu')}
        </button>
      )}
      <ul
        id="menu-lijst"
        class={`nav-list${me ? ' nav-list--folds' : ''}${open ? ' is-open' : ''}`}
        onClick={(e) => {
          if ((e.target as Element).closest('a')) setOpen(false);
        }}
      >
        {link('/zoeken', t('nav.search'))}
        {mine.map((r) => link(r.path, t(r.menu!)))}
        {!me && link('/inloggen', t('nav.login'))}
        {me && (
          <li class="nav-who">
            {t('nav.who', {
              name: me.display_name,
              role: t(`roles.${me.role}`, { defaultValue: me.role }),
            })}
          </li>
        )}
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
              {t('nav.logout')}
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
