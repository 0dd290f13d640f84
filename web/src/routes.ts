// Every page of the app is one entry here. Adding a page is adding a route:
//
//   { path: '/budget/:id', title: 'budget.title', roles: ['client'], menu: 'nav.budget',
//     load: () => import('./pages/Budget') },
//
// plus its texts in locales/nl.json and locales/en.json and a flow in test/. `load` splits
// the page into its own file, so the first load stays small; `roles` asks for a login with
// one of these roles (absent: open to everyone); `menu` puts it in the menu for them.
import type { ComponentType } from 'preact';
import type { Role } from './types';
import Start from './pages/Start';
import Login from './pages/Login';

export interface PageProps {
  params: Record<string, string>;
  query: URLSearchParams;
}

export interface RouteDef {
  path: string;
  title: string;
  load: () => Promise<{ default: ComponentType<PageProps> }>;
  roles?: Role[];
  menu?: string;
}

const CLIENT_SIDE: Role[] = ['client', 'representative'];
const SUPPORTERS: Role[] = ['oco', 'wijkteam'];
const CARE_OFFICE: Role[] = ['zorgkantoor'];
// Who reads a dossier without changing it (client.read, dossier.read in the access matrix).
const READERS: Role[] = ['ciz', 'zorgkantoor'];

export const routes: RouteDef[] = [
  { path: '/', title: 'start.title', load: async () => ({ default: Start }) },
  { path: '/zoeken', title: 'search.title', load: () => import('./pages/Search') },
  { path: '/zoeken/opties', title: 'options.title', load: () => import('./pages/SearchOptions') },
  { path: '/zoeken/bewaren', title: 'save.title', load: () => import('./pages/SaveSearch') },
  { path: '/inloggen', title: 'login.title', load: async () => ({ default: Login }) },
  {
    path: '/mijn',
    title: 'mine.title',
    roles: CLIENT_SIDE,
    menu: 'nav.mine',
    load: () => import('./pages/MyOptions'),
  },
  {
    path: '/mijn/dossier',
    title: 'dossier.title',
    roles: CLIENT_SIDE,
    menu: 'nav.dossier',
    load: () => import('./pages/Dossier'),
  },
  {
    path: '/mijn/dossier/wijzigen',
    title: 'dossier.edit_title',
    roles: CLIENT_SIDE,
    load: () => import('./pages/DossierEdit'),
  },
  {
    path: '/mijn/dossier/versies',
    title: 'versions.title',
    roles: CLIENT_SIDE,
    load: () => import('./pages/DossierVersions'),
  },
  {
    path: '/mijn/privacy',
    title: 'privacy.title',
    roles: CLIENT_SIDE,
    menu: 'nav.privacy',
    load: () => import('./pages/Privacy'),
  },
  {
    path: '/caseload',
    title: 'caseload.title',
    roles: SUPPORTERS,
    menu: 'nav.caseload',
    load: () => import('./pages/Caseload'),
  },
  {
    path: '/caseload/nieuw',
    title: 'newclient.title',
    roles: SUPPORTERS,
    load: () => import('./pages/NewClient'),
  },
  {
    path: '/caseload/:id',
    title: 'client.title',
    roles: SUPPORTERS,
    load: () => import('./pages/ClientOptions'),
  },
  {
    path: '/caseload/:id/dossier',
    title: 'dossier.title',
    roles: SUPPORTERS,
    load: () => import('./pages/Dossier'),
  },
  {
    path: '/caseload/:id/dossier/wijzigen',
    title: 'dossier.edit_title',
    roles: SUPPORTERS,
    load: () => import('./pages/DossierEdit'),
  },
  {
    path: '/caseload/:id/dossier/versies',
    title: 'versions.title',
    roles: SUPPORTERS,
    load: () => import('./pages/DossierVersions'),
  },
  {
    path: '/caseload/:id/aanmelden',
    title: 'form.title',
    roles: SUPPORTERS,
    load: () => import('./pages/RegistrationForm'),
  },
  {
    path: '/aanbieder',
    title: 'provider.title',
    roles: ['provider'],
    menu: 'nav.provider',
    load: () => import('./pages/ProviderOffers'),
  },
  {
    path: '/aanbieder/aanmelden',
    title: 'psubmit.title',
    roles: ['provider'],
    load: () => import('./pages/ProviderSubmit'),
  },
  {
    path: '/aanbieder/aanbod/nieuw',
    title: 'newoffer.title',
    roles: ['provider'],
    load: () => import('./pages/NewOffer'),
  },
  {
    path: '/aanbieder/aanbod/:id',
    title: 'upkeep.title',
    roles: ['provider'],
    load: () => import('./pages/OfferUpkeep'),
  },
  {
    path: '/zorgkantoor',
    title: 'careoffice.title',
    roles: CARE_OFFICE,
    menu: 'nav.careoffice',
    load: () => import('./pages/MismatchMap'),
  },
  {
    path: '/zorgkantoor/trend',
    title: 'trend.title',
    roles: CARE_OFFICE,
    load: () => import('./pages/MismatchTrend'),
  },
  {
    path: '/zorgkantoor/aanbieders',
    title: 'register.title',
    roles: CARE_OFFICE,
    menu: 'nav.register',
    load: () => import('./pages/Register'),
  },
  {
    path: '/zorgkantoor/register',
    title: 'preg.title',
    roles: CARE_OFFICE,
    menu: 'nav.provider_register',
    load: () => import('./pages/ProviderRegister'),
  },
  {
    path: '/zorgkantoor/register/aanmelden',
    title: 'psubmit.title_office',
    roles: CARE_OFFICE,
    load: () => import('./pages/ProviderSubmit'),
  },
  {
    path: '/zorgkantoor/verouderd',
    title: 'outdated.title',
    roles: CARE_OFFICE,
    menu: 'nav.outdated',
    load: () => import('./pages/OutdatedOffers'),
  },
  {
    path: '/zorgkantoor/bestanden',
    title: 'files.title',
    roles: CARE_OFFICE,
    menu: 'nav.files',
    load: () => import('./pages/CatalogFiles'),
  },
  {
    path: '/zorgkantoor/aanbod/nieuw',
    title: 'newoffer.title',
    roles: CARE_OFFICE,
    load: () => import('./pages/NewOffer'),
  },
  {
    path: '/zorgkantoor/aanbod/:id',
    title: 'upkeep.title',
    roles: CARE_OFFICE,
    load: () => import('./pages/OfferUpkeep'),
  },
  {
    path: '/onderzoek',
    title: 'careoffice.title',
    roles: ['researcher'],
    menu: 'nav.research',
    load: () => import('./pages/MismatchMap'),
  },
  {
    path: '/clienten',
    title: 'caseload.title_reader',
    roles: READERS,
    menu: 'nav.clients',
    load: () => import('./pages/Caseload'),
  },
  {
    path: '/clienten/:id',
    title: 'dossier.title',
    roles: READERS,
    load: () => import('./pages/Dossier'),
  },
  {
    path: '/clienten/:id/versies',
    title: 'versions.title',
    roles: READERS,
    load: () => import('./pages/DossierVersions'),
  },
  {
    path: '/beheer',
    title: 'admin.users_title',
    roles: ['admin'],
    menu: 'nav.admin_users',
    load: () => import('./pages/AdminUsers'),
  },
  {
    path: '/beheer/gebruikers/nieuw',
    title: 'admin.new_user_title',
    roles: ['admin'],
    load: () => import('./pages/AdminNewUser'),
  },
  {
    path: '/beheer/organisaties',
    title: 'admin.orgs_title',
    roles: ['admin'],
    menu: 'nav.admin_orgs',
    load: () => import('./pages/AdminOrganisations'),
  },
  {
    path: '/beheer/toegangslog',
    title: 'admin.audit_title',
    roles: ['admin'],
    menu: 'nav.admin_audit',
    load: () => import('./pages/AdminAuditLog'),
  },
];

export const notFound: RouteDef = {
  path: '*',
  title: 'notfound.title',
  load: () => import('./pages/NotFound'),
};

// Where a role starts after logging in: its first menu page, else the search.
export function homeFor(role: Role): string {
  const first = routes.find((r) => r.menu && r.roles?.includes(role));
  return first ? first.path : '/zoeken';
}

export function matchRoute(pathname: string): { route: RouteDef; params: Record<string, string> } {
  const parts = pathname.split('/').filter(Boolean);
  for (const route of routes) {
    const pattern = route.path.split('/').filter(Boolean);
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    pattern.forEach((seg, i) => {
      if (seg.startsWith(':')) params[seg.slice(1)] = decodeURIComponent(parts[i]);
      else if (seg !== parts[i]) ok = false;
    });
    if (ok) return { route, params };
  }
  return { route: notFound, params: {} };
}
