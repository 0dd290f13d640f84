// Keeping the anonymous search: nothing is stored until the person chooses to save. Then one
// request (POST /api/v1/registraties) makes an account, for themself or as a representative,
// and a dossier from the same answers, and logs in; the dossier is theirs and nobody else
// sees it until they give consent.
import { useState } from 'preact/hooks';
import { ApiError, post } from '../api';
import { t } from '../i18n';
import { navigate } from '../router';
import { municipalities } from '../refdata';
import { answers, resetAnswers, toSituation } from '../search';
import { signedIn } from '../session';
import type { Me } from '../types';
import { Choice, TextField } from '../components/Fields';
import { Problem } from '../components/Problem';

type Who = 'client' | 'representative';

export default function SaveSearch() {
  const [who, setWho] = useState<Who>('client');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [clientName, setClientName] = useState('');
  const [relation, setRelation] = useState('');
  const [birthYear, setBirthYear] = useState('');
  const [wrong, setWrong] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [taken, setTaken] = useState(false);
  const [busy, setBusy] = useState(false);
  const empty = !answers.municipality_code;

  const check = () => {
    const w: Record<string, string> = {};
    if (!name.trim()) w.naam = t('save.name_missing');
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email.trim())) w.email = t('save.email_wrong');
    if (password.length < 12) w.wachtwoord = t('save.password_short');
    if (who === 'representative' && !clientName.trim()) w['client-naam'] = t('save.client_name_missing');
    const y = Number(birthYear);
    if (birthYear.trim() && !(Number.isInteger(y) && y >= 1900 && y <= new Date().getFullYear()))
      w.geboortejaar = t('newclient.birth_year_wrong');
    setWrong(w);
    const first = Object.keys(w)[0];
    if (first) document.getElementById(first)?.focus();
    return !first;
  };

  const submit = async () => {
    if (!check()) return;
    setBusy(true);
    setError(null);
    setTaken(false);
    try {
      const list = await municipalities();
      const situation = toSituation(answers, new Map(list.map((m) => [m.code, m])));
      const client: Record<string, unknown> = {};
      if (birthYear.trim()) client.birth_year = Number(birthYear);
      if (who === 'representative') {
        client.name = clientName.trim();
        if (relation.trim()) client.relation = relation.trim();
      }
      const made = await post<{ account: Me }>('/api/v1/registraties', {
        account: { role: who, email: email.trim(), password, name: name.trim() },
        client,
        situation,
      });
      signedIn(made.account);
      resetAnswers();
      navigate('/mijn/dossier');
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && e.field === 'account.email') setTaken(true);
      else if (e instanceof ApiError && e.field === 'account.password') setWrong({ wachtwoord: e.detail ?? t('save.password_short') });
      else setError(e);
      setBusy(false);
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.save-problem')?.focus());
    }
  };

  return (
    <section class="narrow">
      <h1 class="utrecht-heading-1">{t('save.title')}</h1>
      {empty ? (
        <>
          <p class="utrecht-paragraph">{t('options.empty')}</p>
          <p>
            <a class="utrecht-button-link utrecht-button-link--primary-action" href="/zoeken">
              {t('start.cta')}
            </a>
          </p>
        </>
      ) : (
        <>
          <p class="utrecht-paragraph">{t('save.intro')}</p>
          <p class="utrecht-paragraph">{t('save.private')}</p>
          {taken && (
            <div class="utrecht-alert utrecht-alert--warning save-problem" role="alert" tabIndex={-1}>
              <div class="utrecht-alert__content">
                <p class="utrecht-paragraph">
                  {t('save.taken')}{' '}
                  <a class="utrecht-link" href="/inloggen">
                    {t('save.login_instead')}
                  </a>
                </p>
              </div>
            </div>
          )}
          {error !== null && (
            <div class="save-problem" tabIndex={-1}>
              <Problem error={error} />
            </div>
          )}
          <form
            class="utrecht-form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
          >
            <fieldset class="utrecht-form-fieldset">
              <legend>{t('save.for_whom')}</legend>
              <ul class="choice-list">
                <li>
                  <Choice type="radio" id="voor-mij" name="voor-wie" label={t('save.for_me')} checked={who === 'client'} onChange={() => setWho('client')} />
                </li>
                <li>
                  <Choice
                    type="radio"
                    id="voor-ander"
                    name="voor-wie"
                    label={t('save.for_other')}
                    hint={t('save.for_other_hint')}
                    checked={who === 'representative'}
                    onChange={() => setWho('representative')}
                  />
                </li>
              </ul>
            </fieldset>
            {who === 'representative' && (
              <>
                <TextField id="client-naam" label={t('save.client_name')} value={clientName} error={wrong['client-naam']} onInput={setClientName} />
                <TextField id="relatie" label={t('save.relation')} hint={t('save.relation_hint')} value={relation} onInput={setRelation} />
              </>
            )}
            <TextField
              id="geboortejaar"
              label={t(who === 'client' ? 'save.birth_year' : 'save.birth_year_other')}
              hint={t('newclient.birth_year_hint')}
              value={birthYear}
              numeric
              error={wrong.geboortejaar}
              onInput={setBirthYear}
            />
            <h2 class="utrecht-heading-2">{t('save.account')}</h2>
            <TextField id="naam" label={t('save.name')} value={name} error={wrong.naam} onInput={setName} />
            <TextField id="email" label={t('login.email')} value={email} error={wrong.email} onInput={setEmail} type="email" autocomplete="email" />
            <TextField
              id="wachtwoord"
              label={t('login.password')}
              hint={t('save.password_hint')}
              value={password}
              error={wrong.wachtwoord}
              onInput={setPassword}
              type="password"
              autocomplete="new-password"
            />
            <div class="button-row">
              <button type="submit" class="utrecht-button utrecht-button--primary-action big" disabled={busy}>
                {t('save.submit')}
              </button>
            </div>
          </form>
          <p>
            <a class="utrecht-link" href="/zoeken/opties">
              {t('save.back')}
            </a>
          </p>
        </>
      )}
    </section>
  );
}
