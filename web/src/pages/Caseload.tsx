// The client supporter's caseload: the clients who gave consent to their organisation
// (GET /api/v1/clients: the API filters by consent), per municipality, searchable by name
// among the loaded clients.
import { useState } from 'preact/hooks';
import { get } from '../api';
import { t } from '../i18n';
import { municipalities } from '../refdata';
import type { Client, Municipality } from '../types';
import { useAsync } from '../useAsync';
import { Select } from '../components/Fields';
import { Loading } from '../components/Loading';
import { Problem } from '../components/Problem';

interface Page {
  items: Client[];
  next_cursor: string | null;
}

export default function Caseload() {
  const [municipality, setMunicipality] = useState('');
  const [name, setName] = useState('');
  const [clients, setClients] = useState<Client[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const places = useAsync(municipalities, []);
  const url = (c: string | null) => {
    const q = new URLSearchParams({ limit: '50' });
    if (municipality) q.set('municipality', municipality);
    if (c) q.set('cursor', c);
    return `/api/v1/clients?${q}`;
  };
  const first = useAsync(async () => {
    const page = await get<Page>(url(null));
    setClients(page.items);
    setCursor(page.next_cursor);
    return page;
  }, [municipality]);
  const more = async () => {
    try {
      const page = await get<Page>(url(cursor));
      setClients((c) => [...c, ...page.items]);
      setCursor(page.next_cursor);
    } catch (e) {
      setError(e);
    }
  };
  const byCode = new Map((places.data ?? []).map((m: Municipality) => [m.code, m]));
  const region = [...byCode.values()]
    .filter((m) => clients.some((c) => c.municipality_code === m.code) || m.code === municipality)
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  const needle = name.trim().toLocaleLowerCase('nl');
  const shown = needle ? clients.filter((c) => c.name.toLocaleLowerCase('nl').includes(needle)) : clients;

  return (
    <section>
      <h1 class="utrecht-heading-1">{t('caseload.title')}</h1>
      <p class="utrecht-paragraph">{t('caseload.intro')}</p>
      <div class="filters">
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for="zoek-naam">
            {t('caseload.search_name')}
          </label>
          <input
            id="zoek-naam"
            type="search"
            class="utrecht-textbox utrecht-textbox--html-input"
            value={name}
            onInput={(e) => setName((e.target as HTMLInputElement).value)}
          />
        </div>
        <Select
          id="filter-gemeente"
          label={t('caseload.municipality')}
          value={municipality}
          options={[
            { value: '', label: t('caseload.all_municipalities') },
            ...region.map((m) => ({ value: m.code, label: m.name })),
          ]}
          onChange={setMunicipality}
        />
      </div>
      {!first.data && <Loading error={first.error} />}
      {error !== null && <Problem error={error} />}
      {first.data && (
        <>
          <p class="utrecht-paragraph" role="status">
            {t('caseload.count', { count: shown.length })}
          </p>
          <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="caseload-caption">
            <table class="utrecht-table utrecht-table--html-table">
              <caption id="caseload-caption" class="utrecht-table__caption">
                {t('caseload.caption')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('caseload.name')}</th>
                  <th scope="col">{t('caseload.municipality')}</th>
                  <th scope="col">{t('caseload.profile')}</th>
                  <th scope="col">{t('caseload.seeking')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <a class="utrecht-link" href={`/caseload/${encodeURIComponent(c.id)}`}>
                        {c.name}
                      </a>
                      {c.birth_year ? <span class="muted"> ({c.birth_year})</span> : null}
                    </td>
                    <td>{byCode.get(c.municipality_code)?.name ?? c.municipality_code}</td>
                    <td>{c.profile}</td>
                    <td>{c.seeking.map((k) => t(`kinds.${k}`)).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {cursor && (
            <button
              type="button"
              class="utrecht-button utrecht-button--secondary-action"
              onClick={() => void more()}
            >
              {t('common.more')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
