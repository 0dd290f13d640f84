// The organisations whose staff log in (GET/POST /api/v1/organisations): client supporters,
// neighbourhood teams, the CIZ, care offices (bound to their region), providers (bound to a
// provider of the register) and research bureaus. Consent is given per organisation, so a
// client chooses among these on her privacy page.
import { useState } from 'preact/hooks';
import { api, ApiError, getAll } from '../api';
import { t } from '../i18n';
import { careOffices } from '../refdata';
import type { Organisation, Provider, Role } from '../types';
import { useAsync } from '../useAsync';
import { Select, TextField } from '../components/Fields';
import { Loading } from '../components/Loading';
import { Problem } from '../components/Problem';

const KINDS: Role[] = ['oco', 'wijkteam', 'ciz', 'zorgkantoor', 'provider', 'researcher', 'admin'];
// Who reads a region's mismatch map: the care office must have a region, the others may.
const WITH_REGION: Role[] = ['zorgkantoor', 'provider', 'researcher'];

export default function AdminOrganisations() {
  const { data, error, reload } = useAsync(async () => {
    const [orgs, providers, offices] = await Promise.all([
      getAll<Organisation>('/api/v1/organisations'),
      getAll<Provider>('/api/v1/providers?limit=500'),
      careOffices(),
    ]);
    return {
      orgs: orgs.sort((a, b) => a.name.localeCompare(b.name, 'nl')),
      providers: providers.sort((a, b) => a.name.localeCompare(b.name, 'nl')),
      offices,
    };
  }, []);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<string>('');
  const [provider, setProvider] = useState('');
  const [region, setRegion] = useState('');
  const [wrong, setWrong] = useState<Record<string, string>>({});
  const [failed, setFailed] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const found: Record<string, string> = {};
    if (!name.trim()) found.naam = t('admin.org_name_missing');
    if (!kind) found.soort = t('admin.kind_missing');
    if (kind === 'provider' && !provider) found.aanbieder = t('admin.provider_missing');
    if (kind === 'zorgkantoor' && !region) found.regio = t('admin.region_missing');
    setWrong(found);
    setFailed(null);
    setDone(null);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`organisatie-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const body: Record<string, string> = { name: name.trim(), kind };
      if (kind === 'provider') body.provider_id = provider;
      if (WITH_REGION.includes(kind as Role) && region) body.region = region;
      const made = await api<Organisation>('POST', '/api/v1/organisations', body);
      setDone(t('admin.org_made', { name: made.name }));
      setName('');
      setKind('');
      setProvider('');
      setRegion('');
      reload();
    } catch (e) {
      const field = e instanceof ApiError ? { name: 'naam', kind: 'soort', provider_id: 'aanbieder', region: 'regio' }[e.field ?? ''] : undefined;
      if (field) {
        setWrong({ [field]: (e as ApiError).detail ?? '' });
        document.getElementById(`organisatie-${field}`)?.focus();
      } else setFailed(e);
    } finally {
      setBusy(false);
    }
  };

  const officeName = (code: string) => data?.offices.find((o) => o.code === code)?.name ?? code;
  const providerName = (id: string) => data?.providers.find((p) => p.id === id)?.name ?? id;
  return (
    <section>
      <h1 class="utrecht-heading-1">{t('admin.orgs_title')}</h1>
      <p class="utrecht-paragraph">{t('admin.orgs_intro')}</p>
      {!data && <Loading error={error} />}
      {data && (
        <>
          <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="organisaties-caption">
            <table class="utrecht-table utrecht-table--html-table">
              <caption id="organisaties-caption" class="utrecht-table__caption">
                {t('admin.orgs_caption', { count: data.orgs.length })}
              </caption>
              <thead class="utrecht-table__header">
                <tr class="utrecht-table__row">
                  <th class="utrecht-table__header-cell" scope="col">{t('admin.org_name')}</th>
                  <th class="utrecht-table__header-cell" scope="col">{t('admin.kind')}</th>
                  <th class="utrecht-table__header-cell" scope="col">{t('admin.bound_to')}</th>
                </tr>
              </thead>
              <tbody class="utrecht-table__body">
                {data.orgs.map((o) => (
                  <tr key={o.id} class="utrecht-table__row">
                    <td class="utrecht-table__cell">{o.name}</td>
                    <td class="utrecht-table__cell">{t(`admin.kinds.${o.kind}`)}</td>
                    <td class="utrecht-table__cell">
                      {[o.provider_id && providerName(o.provider_id), o.region && officeName(o.region)].filter(Boolean).join(' · ') || '–'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2 class="utrecht-heading-2">{t('admin.new_org_title')}</h2>
          <p role="status" class="saved-status">
            {done}
          </p>
          <form
            class="utrecht-form narrow"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
          >
            <TextField id="organisatie-naam" label={t('admin.org_name')} error={wrong.naam} autocomplete="organization" value={name} onInput={setName} />
            <Select
              id="organisatie-soort"
              label={t('admin.kind')}
              error={wrong.soort}
              value={kind}
              options={[{ value: '', label: t('admin.choose') }, ...KINDS.map((k) => ({ value: k, label: t(`admin.kinds.${k}`) }))]}
              onChange={setKind}
            />
            {kind === 'provider' && (
              <Select
                id="organisatie-aanbieder"
                label={t('admin.provider')}
                hint={t('admin.provider_hint')}
                error={wrong.aanbieder}
                value={provider}
                options={[{ value: '', label: t('admin.choose') }, ...data.providers.map((p) => ({ value: p.id, label: p.name }))]}
                onChange={setProvider}
              />
            )}
            {WITH_REGION.includes(kind as Role) && (
              <Select
                id="organisatie-regio"
                label={t('admin.region')}
                hint={t(kind === 'zorgkantoor' ? 'admin.region_hint_office' : 'admin.region_hint_map')}
                error={wrong.regio}
                value={region}
                options={[{ value: '', label: t('admin.choose') }, ...data.offices.map((o) => ({ value: o.code, label: o.name }))]}
                onChange={setRegion}
              />
            )}
            {failed !== null && <Problem error={failed} />}
            <div class="button-row">
              <button type="submit" class="utrecht-button utrecht-button--primary-action big" disabled={busy}>
                {t('admin.make_org')}
              </button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}
