// A new account for someone of an organisation (POST /api/v1/users). The role follows the
// organisation's kind (the API refuses any other), so the administrator chooses the
// organisation only. Clients and representatives make their own account (saving a search)
// or get one from their client supporter, so they are not offered here.
import { useState } from 'preact/hooks';
import { api, ApiError, getAll } from '../api';
import { t } from '../i18n';
import type { Organisation, User } from '../types';
import { useAsync } from '../useAsync';
import { Select, TextField } from '../components/Fields';
import { Loading } from '../components/Loading';
import { Problem } from '../components/Problem';

// The API names these fields in its 400s: our field ids by its names.
const FIELD_OF: Record<string, string> = {
  name: 'naam',
  display_name: 'naam',
  email: 'email',
  organisation: 'organisatie',
  organisation_id: 'organisatie',
  role: 'organisatie',
  password: 'wachtwoord',
};
const MIN_PASSWORD = 12;

export default function AdminNewUser() {
  const { data: orgs, error: loadError } = useAsync(
    () => getAll<Organisation>('/api/v1/organisations').then((l) => l.sort((a, b) => a.name.localeCompare(b.name, 'nl'))),
    [],
  );
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [org, setOrg] = useState('');
  const [password, setPassword] = useState('');
  const [wrong, setWrong] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<User | null>(null);

  const submit = async () => {
    const found: Record<string, string> = {};
    if (!name.trim()) found.naam = t('admin.name_missing');
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email.trim())) found.email = t('admin.email_wrong');
    if (!org) found.organisatie = t('admin.org_missing');
    if (password.length < MIN_PASSWORD) found.wachtwoord = t('admin.password_short', { count: MIN_PASSWORD });
    setWrong(found);
    setError(null);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`gebruiker-${first}`)?.focus();
      return;
    }
    const chosen = orgs?.find((o) => o.id === org);
    setBusy(true);
    try {
      setMade(
        await api<User>('POST', '/api/v1/users', {
          display_name: name.trim(),
          email: email.trim(),
          role: chosen?.kind,
          organisation_id: org,
          password,
        }),
      );
    } catch (e) {
      // A field the API names is said at that field; anything else below the form.
      const field = e instanceof ApiError && e.field ? FIELD_OF[e.field] : undefined;
      if (field) {
        const said = e instanceof ApiError && e.code === 'already_exists' ? t('admin.email_taken') : (e as ApiError).detail ?? '';
        setWrong({ [field]: said });
        document.getElementById(`gebruiker-${field}`)?.focus();
      } else setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (made)
    return (
      <section class="narrow">
        <h1 class="utrecht-heading-1">{t('admin.user_made_title')}</h1>
        <p class="utrecht-paragraph" role="status">
          {t('admin.user_made', { name: made.display_name, email: made.email, role: t(`roles.${made.role}`) })}
        </p>
        <p class="utrecht-paragraph">{t('admin.user_made_next')}</p>
        <p>
          <a class="utrecht-link" href="/beheer">
            {t('admin.back')}
          </a>
        </p>
      </section>
    );

  return (
    <section class="narrow">
      <p>
        <a class="utrecht-link" href="/beheer">
          {t('admin.back')}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{t('admin.new_user_title')}</h1>
      <p class="utrecht-paragraph">{t('admin.new_user_intro')}</p>
      {!orgs && <Loading error={loadError} />}
      {orgs && (
        <form
          class="utrecht-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <TextField id="gebruiker-naam" label={t('admin.name')} error={wrong.naam} autocomplete="off" value={name} onInput={setName} />
          <TextField
            id="gebruiker-email"
            label={t('admin.email')}
            type="email"
            error={wrong.email}
            autocomplete="off"
            value={email}
            onInput={setEmail}
          />
          <Select
            id="gebruiker-organisatie"
            label={t('admin.organisation')}
            hint={t('admin.organisation_hint')}
            error={wrong.organisatie}
            value={org}
            options={[
              { value: '', label: t('admin.choose') },
              ...orgs.map((o) => ({ value: o.id, label: `${o.name} (${t(`roles.${o.kind}`)})` })),
            ]}
            onChange={setOrg}
          />
          <TextField
            id="gebruiker-wachtwoord"
            label={t('admin.password')}
            hint={t('admin.password_hint', { count: MIN_PASSWORD })}
            type="password"
            autocomplete="new-password"
            maxLength={200}
            error={wrong.wachtwoord}
            value={password}
            onInput={setPassword}
          />
          {error !== null && <Problem error={error} />}
          <div class="button-row">
            <button type="submit" class="utrecht-button utrecht-button--primary-action big" disabled={busy}>
              {t('admin.make_user')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
