// A provider for the register (POST /api/v1/providers): a new provider's staff submit their
// own organisation (the API takes the provider id from their account), the care office
// submits one under a new id. Submitted is not yet public: the care office approves it on
// its register page, and only then are its offers shown and offered.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import { t } from '../i18n';
import { useSession } from '../session';
import type { Provider } from '../types';
import { Choice, TextField } from '../components/Fields';
import { Problem } from '../components/Problem';

const NUMBERS = ['agb_code', 'kvk_number', 'ura_number'] as const;
type NumberField = (typeof NUMBERS)[number];

export default function ProviderSubmit() {
  const { me } = useSession();
  const own = me?.role === 'provider';
  const [name, setName] = useState('');
  const [website, setWebsite] = useState('');
  const [small, setSmall] = useState(false);
  const [numbers, setNumbers] = useState<Record<NumberField, string>>({ agb_code: '', kvk_number: '', ura_number: '' });
  const [wrong, setWrong] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [made, setMade] = useState<Provider | null>(null);

  const submit = async () => {
    const found = new Set<string>();
    if (!name.trim()) found.add('name');
    for (const f of NUMBERS) if (numbers[f].trim() && !/^\d{8}$/.test(numbers[f].trim())) found.add(f);
    setWrong(found);
    setError(null);
    if (found.size) {
      document.getElementById(`aanmelden-${[...found][0]}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const body: Record<string, unknown> = { name: name.trim(), established: !small };
      if (website.trim()) body.website = website.trim();
      for (const f of NUMBERS) if (numbers[f].trim()) body[f] = numbers[f].trim();
      setMade(await api<Provider>('POST', '/api/v1/providers', body));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (made)
    return (
      <section class="narrow">
        <h1 class="utrecht-heading-1">{t('psubmit.done_title')}</h1>
        <p class="utrecht-paragraph" role="status">
          {t(own ? 'psubmit.done_own' : 'psubmit.done_office', { name: made.name })}
        </p>
        <p class="utrecht-paragraph">{t('psubmit.next')}</p>
        <p>
          <a class="utrecht-link" href={own ? '/aanbieder' : '/zorgkantoor/register'}>
            {t(own ? 'psubmit.back_own' : 'psubmit.back_office')}
          </a>
        </p>
      </section>
    );

  // The API says 409 with field `id` when the provider of this account is in the register.
  const known = own && error instanceof ApiError && error.code === 'already_exists' && error.field === 'id';
  const numberError = (f: NumberField) =>
    wrong.has(f) ? t('psubmit.number_wrong') : error instanceof ApiError && error.field === f ? t('psubmit.number_taken') : undefined;
  return (
    <section class="narrow">
      <p>
        <a class="utrecht-link" href={own ? '/aanbieder' : '/zorgkantoor/register'}>
          {t(own ? 'psubmit.back_own' : 'psubmit.back_office')}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{t(own ? 'psubmit.title' : 'psubmit.title_office')}</h1>
      <p class="utrecht-paragraph">{t(own ? 'psubmit.intro' : 'psubmit.intro_office')}</p>
      <form
        class="utrecht-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <TextField
          id="aanmelden-name"
          label={t(own ? 'psubmit.name' : 'psubmit.name_office')}
          error={wrong.has('name') ? t('psubmit.name_missing') : undefined}
          autocomplete="organization"
          value={name}
          onInput={setName}
        />
        <TextField
          id="aanmelden-website"
          label={t('psubmit.website')}
          hint={t('psubmit.optional')}
          autocomplete="url"
          value={website}
          onInput={setWebsite}
        />
        <Choice
          type="checkbox"
          id="aanmelden-klein"
          label={t(own ? 'psubmit.small' : 'psubmit.small_office')}
          hint={t('psubmit.small_hint')}
          checked={small}
          onChange={setSmall}
        />
        <fieldset class="utrecht-form-fieldset">
          <legend>{t('psubmit.numbers')}</legend>
          <p class="field-hint">{t('psubmit.numbers_hint')}</p>
          {NUMBERS.map((f) => (
            <TextField
              key={f}
              id={`aanmelden-${f}`}
              label={t(`psubmit.${f}`)}
              numeric
              maxLength={8}
              error={numberError(f)}
              value={numbers[f]}
              onInput={(v) => setNumbers({ ...numbers, [f]: v })}
            />
          ))}
        </fieldset>
        {known ? (
          <div class="utrecht-alert utrecht-alert--info" role="alert">
            <div class="utrecht-alert__content">
              <div class="utrecht-alert__message">
                <p class="utrecht-paragraph">{t('psubmit.known')}</p>
              </div>
            </div>
          </div>
        ) : (
          error !== null && <Problem error={error} />
        )}
        <div class="button-row">
          <button type="submit" class="utrecht-button utrecht-button--primary-action big" disabled={busy}>
            {t('psubmit.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
