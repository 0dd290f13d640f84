// A client supporter registers a new client: the few facts a dossier starts with (POST
// /api/v1/clients; the API records the client's consent for client support by the
// supporter's organisation), then goes through the guideline with the client.
import { useEffect, useState } from 'preact/hooks';
import { post } from '../api';
import { t } from '../i18n';
import { navigate } from '../router';
import { careProfiles, KINDS, municipalities } from '../refdata';
import type { CareProfile, Client, Municipality } from '../types';
import { Choice, RadioGroup, Select, TextField } from '../components/Fields';
import { Loading } from '../components/Loading';
import { Problem } from '../components/Problem';

const SECTORS = ['VV', 'VG', 'LG', 'LVG', 'ZGaud', 'ZGvis', 'GGZ-B', 'GGZ-W'];
const INDICATIONS = ['none', 'requested', 'granted'];
const FORMS = ['verblijf', 'vpt', 'mpt', 'pgb'];

export default function NewClient() {
  const [ref, setRef] = useState<{ profiles: CareProfile[]; municipalities: Municipality[] } | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [name, setName] = useState('');
  const [birthYear, setBirthYear] = useState('');
  const [municipality, setMunicipality] = useState('');
  const [profile, setProfile] = useState('');
  const [sector, setSector] = useState('VV');
  const [indication, setIndication] = useState('none');
  const [seeking, setSeeking] = useState<string[]>(['wonen']);
  const [forms, setForms] = useState<string[]>(['verblijf']);
  const [missing, setMissing] = useState<Record<string, boolean>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    Promise.all([careProfiles(), municipalities()])
      .then(([p, m]) =>
        setRef({ profiles: p, municipalities: [...m].sort((a, b) => a.name.localeCompare(b.name, 'nl')) }),
      )
      .catch(setLoadError);
  }, []);

  const year = Number(birthYear);
  const check = () => {
    const m = {
      naam: !name.trim(),
      geboortejaar: birthYear !== '' && !(Number.isInteger(year) && year >= 1900 && year <= new Date().getFullYear()),
      gemeente: !municipality,
      soort: seeking.length === 0,
      vorm: forms.length === 0,
    };
    setMissing(m);
    const first = Object.entries(m).find(([, bad]) => bad)?.[0];
    if (first) document.getElementById(first === 'soort' ? 'soort-wonen' : first === 'vorm' ? 'vorm-verblijf' : first)?.focus();
    return !first;
  };

  const submit = async () => {
    if (!ref || !check()) return;
    const home = ref.municipalities.find((m) => m.code === municipality)!.centroid;
    const chosenProfile = ref.profiles.find((p) => p.code === profile);
    const body: Record<string, unknown> = {
      name: name.trim(),
      municipality_code: municipality,
      home,
      sector: chosenProfile ? chosenProfile.sector : sector,
      indication,
      seeking,
      preferred_forms: forms,
    };
    if (birthYear) body.birth_year = year;
    if (chosenProfile) body.profile = chosenProfile.code;
    setBusy(true);
    setError(null);
    try {
      const made = await post<Client>('/api/v1/clients', body);
      navigate(`/caseload/${encodeURIComponent(made.id)}/dossier/wijzigen?stap=1`);
    } catch (e) {
      setError(e);
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[role=alert]')?.focus());
    } finally {
      setBusy(false);
    }
  };

  const toggle = (list: string[], v: string, on: boolean) => (on ? [...list, v] : list.filter((x) => x !== v));

  return (
    <section>
      <p>
        <a class="utrecht-link" href="/caseload">
          {t('client.back')}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{t('newclient.title')}</h1>
      <p class="utrecht-paragraph">{t('newclient.intro')}</p>
      {!ref && <Loading error={loadError} />}
      {ref && (
        <form
          class="utrecht-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          {error !== null && <Problem error={error} />}
          <TextField
            id="naam"
            label={t('newclient.name')}
            value={name}
            error={missing.naam ? t('newclient.name_missing') : undefined}
            onInput={setName}
          />
          <TextField
            id="geboortejaar"
            label={t('newclient.birth_year')}
            hint={t('newclient.birth_year_hint')}
            value={birthYear}
            numeric
            error={missing.geboortejaar ? t('newclient.birth_year_wrong') : undefined}
            onInput={setBirthYear}
          />
          <Select
            id="gemeente"
            label={t('newclient.municipality')}
            hint={t('newclient.municipality_hint')}
            error={missing.gemeente ? t('newclient.municipality_missing') : undefined}
            value={municipality}
            options={[
              { value: '', label: t('search.where.choose') },
              ...ref.municipalities.map((m) => ({ value: m.code, label: m.name })),
            ]}
            onChange={setMunicipality}
          />
          <Select
            id="zorgprofiel"
            label={t('search.what.profile')}
            hint={t('newclient.profile_hint')}
            value={profile}
            options={[
              { value: '', label: t('search.what.profile_unknown') },
              ...ref.profiles.map((p) => ({ value: p.code, label: `${p.code}: ${p.name_nl}` })),
            ]}
            onChange={setProfile}
          />
          {!profile && (
            <RadioGroup
              id="sector"
              label={t('newclient.sector')}
              value={sector}
              options={SECTORS.map((s) => ({ value: s, label: t(`sectors.${s}`) }))}
              onChange={setSector}
            />
          )}
          <RadioGroup
            id="indicatie"
            label={t('newclient.indication')}
            value={indication}
            options={INDICATIONS.map((s) => ({ value: s, label: t(`indications.${s}`) }))}
            onChange={setIndication}
          />
          <fieldset class={`utrecht-form-fieldset${missing.soort ? ' invalid' : ''}`}>
            <legend>{t('newclient.seeking')}</legend>
            {missing.soort && <p class="utrecht-form-field-error-message">{t('newclient.seeking_missing')}</p>}
            <ul class="choice-list">
              {KINDS.map((k) => (
                <li key={k}>
                  <Choice
                    type="checkbox"
                    id={`soort-${k}`}
                    label={t(`kinds.${k}`)}
                    checked={seeking.includes(k)}
                    onChange={(on) => setSeeking(toggle(seeking, k, on))}
                  />
                </li>
              ))}
            </ul>
          </fieldset>
          <fieldset class={`utrecht-form-fieldset${missing.vorm ? ' invalid' : ''}`}>
            <legend>{t('newclient.forms')}</legend>
            {missing.vorm && <p class="utrecht-form-field-error-message">{t('newclient.forms_missing')}</p>}
            <ul class="choice-list">
              {FORMS.map((f) => (
                <li key={f}>
                  <Choice
                    type="checkbox"
                    id={`vorm-${f}`}
                    label={t(`forms.${f}`)}
                    checked={forms.includes(f)}
                    onChange={(on) => setForms(toggle(forms, f, on))}
                  />
                </li>
              ))}
            </ul>
          </fieldset>
          <p class="field-hint">{t('newclient.consent_note')}</p>
          <div class="button-row">
            <button type="submit" class="utrecht-button utrecht-button--primary-action big" disabled={busy}>
              {t('newclient.submit')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
