// A small client-side router over routes.ts: history API, links intercepted, the page
// title set, and focus moved to the new page's heading so screen readers announce it.
import { useEffect, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import { matchRoute, type PageProps, type RouteDef } from './routes';
import { t } from './i18n';
import { useSession } from './session';
import { Problem } from './components/Problem';
import Login from './pages/Login';

const listeners = new Set<() => void>();

export function navigate(to: string, replace = false): void {
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.scrollTo(0, 0);
  listeners.forEach((fn) => fn());
}

// Same-origin links to app pages are followed without a reload.
function onClick(e: MouseEvent): void {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey)
    return;
  const a = (e.target as Element | null)?.closest?.('a');
  if (!a || a.target || a.hasAttribute('download')) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
  if (url.pathname === location.pathname && url.search === location.search && url.hash) return;
  e.preventDefault();
  navigate(url.pathname + url.search + url.hash);
}

export function useLocation(): { pathname: string; search: string } {
  const [, force] = useState(0);
  useEffect(() => {
    const fn = () => force((n) => n + 1);
    listeners.add(fn);
    window.addEventListener('popstate', fn);
    return () => {
      listeners.delete(fn);
      window.removeEventListener('popstate', fn);
    };
  }, []);
  return { pathname: location.pathname, search: location.search };
}

let firstPage = true;

function focusHeading(): void {
  // On the first load the browser starts at the top; afterwards the new page's heading
  // takes focus, so a screen reader reads where you are.
  if (firstPage) {
    firstPage = false;
    return;
  }
  const h1 = document.querySelector<HTMLElement>('#app h1');
  if (h1) {
    if (!h1.hasAttribute('tabindex')) h1.setAttribute('tabindex', '-1');
    h1.focus();
  }
}

export function setTitle(title: string): void {
  document.title = `${title} – Passend`;
}

const loadedPages = new Map<RouteDef, ComponentType<PageProps>>();

export function Router() {
  const { pathname, search } = useLocation();
  const { me, loaded } = useSession();
  const { route, params } = matchRoute(pathname);
  const [, setVersion] = useState(0);
  const [failed, setFailed] = useState<unknown>(null);
  const Page = loadedPages.get(route);

  useEffect(() => {
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, []);

  useEffect(() => {
    setFailed(null);
    if (!loadedPages.has(route)) {
      route
        .load()
        .then((m) => {
          loadedPages.set(route, m.default);
          setVersion((v) => v + 1);
        })
        .catch((e) => setFailed(e));
    }
  }, [route]);

  const needsLogin = route.roles && loaded && !me;
  const wrongRole = route.roles && me && !route.roles.includes(me.role);
  useEffect(() => {
    setTitle(t(needsLogin ? 'login.title' : wrongRole ? 'forbidden.title' : route.title));
    if (Page || needsLogin || wrongRole) requestAnimationFrame(focusHeading);
  }, [route, Page, needsLogin, wrongRole, pathname]);

  if (failed) return <Problem error={failed} />;
  if (route.roles && !loaded) return <p class="loading">{t('common.loading')}</p>;
  if (needsLogin) return <Login params={{}} query={new URLSearchParams({ next: pathname })} />;
  if (wrongRole)
    return (
      <section>
        <h1 class="utrecht-heading-1">{t('forbidden.title')}</h1>
        <p class="utrecht-paragraph">{t('forbidden.text', { role: me!.role_label })}</p>
      </section>
    );
  if (!Page) return <p class="loading">{t('common.loading')}</p>;
  return <Page key={pathname} params={params} query={new URLSearchParams(search)} />;
}
