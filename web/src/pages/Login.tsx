// Log in with e-mail and password (the API's session cookie and CSRF token, docs/access.md).
import { useState } from 'preact/hooks';
import { t } from '../i18n';
import { login } from '../session';
import { navigate } from '../router';
import { homeFor, type PageProps } from '../routes';
import { Problem } from '../components/Problem';

export default function Login({ query }: PageProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const next = query.get('next');

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const me = await login(email.trim(), password);
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : homeFor(me.role), true);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <section class="narrow">
      <h1 class="utrecht-heading-1">{t('login.title')}</h1>
      <p class="utrecht-paragraph">{t(next ? 'login.needed' : 'login.intro')}</p>
      {error !== null && <Problem error={error} />}
      <form class="utrecht-form" onSubmit={submit} noValidate>
        <div class="utrecht-form-field utrecht-form-field--text">
          <label class="utrecht-form-label" for="login-email">
            {t('login.email')}
          </label>
          <input
            id="login-email"
            class="utrecht-textbox utrecht-textbox--html-input"
            type="email"
            autocomplete="username"
            required
            value={email}
            onInput={(e) => setEmail((e.target as HTMLInputElement).value)}
          />
        </div>
        <div class="utrecht-form-field utrecht-form-field--text">
          <label class="utrecht-form-label" for="login-password">
            {t('login.password')}
          </label>
          <input
            id="login-password"
            class="utrecht-textbox utrecht-textbox--html-input"
            type="password"
            autocomplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword((e.target as HTMLInputElement).value)}
          />
        </div>
        <button
          type="submit"
          class="utrecht-button utrecht-button--primary-action big"
          aria-disabled={busy}
          disabled={busy}
        >
          {busy ? t('login.busy') : t('login.submit')}
        </button>
      </form>
      <p class="utrecht-paragraph">{t('login.no_account')}</p>
    </section>
  );
}
