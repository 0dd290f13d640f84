// Starts the app: the page in #app (where index.html's static start page stood), the menu
// in #nav, the help box in #hulp (its static text stays readable without JavaScript).
import { render } from 'preact';
import '@utrecht/component-library-css/dist/index.css';
import '@utrecht/design-tokens/dist/theme.css';
import './styles.css';
import { i18n, lang } from './i18n';
import { loadSession } from './session';
import { Router } from './router';
import { Nav } from './components/Nav';
import { HelpBox } from './components/HelpBox';
import { HeaderHelp } from './components/HeaderHelp';

function mount(id: string, node: preact.ComponentChild): void {
  const el = document.getElementById(id);
  if (!el) return;
  if (!el.dataset.mounted) {
    el.textContent = ''; // the static no-JavaScript text gives way to the app's
    el.dataset.mounted = '1';
  }
  render(node, el);
}

function renderAll(): void {
  document.documentElement.lang = lang();
  mount('nav', <Nav />);
  mount('kop-hulp', <HeaderHelp />);
  mount('app', <Router />);
  mount('hulp', <HelpBox />);
}

i18n.on('languageChanged', renderAll);
void loadSession();
renderAll();
