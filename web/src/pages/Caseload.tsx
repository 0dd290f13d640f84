// The client supporter's caseload: the clients who gave consent to their organisation
// (GET /api/v1/clients: the API filters by consent), searched by the API by name, year of
// birth and municipality; and the way to register a new client.
import { useRef, useState } from 'preact/hooks';
import { get } from '../api';
import { t } from '../i18n';
import { municipalities } from '../refdata';
import type { Client, Municipality } from '../types';
import { useAsync } from '../useAsync';
import { useSession } from '../session';
import { Select, TextField } from '../components/Fields';
import { Loading } from '../components/Loading';
import { Problem } from '../components/Problem';

interface Page {
  items: Client[];
  next_cursor: string | null;
}

export default function Caseload() {
  // The CIZ and the care office read dossiers (under consent for the indication, in their
  // region) but neither register clients nor change a dossier: their list leads to /clienten.
  const { me } = useSession();
  const reader = me?.role === 'ciz' || me?.role === 'zorgkantoor';
  const base = reader ? '/clienten' : '/caseload';
  // What the form holds, and what was searched (the API's filters).
  const [municipality, setMunicipality] = useState('');
  const [name, setName] = useState('');
  const [year, setYear] = useState('');
  const [search, setSearch] = useState({ municipality: '', name: '', year: '' });
  const [yearWrong, setYearWrong] = useState(false);
  const [clients, setClients] = useState<Client[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const regions = useRef<Set<string>>(new Set());
  const places = useAsync(municipalities, []);
  const url = (c: string | null, limit: number) => {
    const q = new URLSearchParams({ limit: String(limit) });
    if (search.municipality) q.set('municipality', search.municipality);
    if (search.name) q.set('name', search.name);
    if (search.year) q.set('birth_year', search.year);
    if (c) q.set('cursor', c);
    return `/api/v1/clients?${q}`;
  };
  // The API pages over the records it reads and leaves out the clients this organisation
  // may not see, so a page can be short or empty while more follow: read on until there
  // are 50 or the list ends (20 requests at most, then "meer laden").
  const fill = async (from: string | null) => {
    const found: Client[] = [];
    let next = from;
    for (let i = 0; i < 20; i++) {
      const page = await get<Page>(url(next, i === 0 ? 50 : 500));
      found.push(...page.items);
      next = page.next_cursor;
      if (!next || found.length >= 50) break;
    }
    return { found, next };
  };
  const first = useAsync(async () => {
    const { found, next } = await fill(null);
    setClients(found);
    setCursor(next);
    return found;
  }, [search]);
  const more = async () => {
    try {
      const { found, next } = await fill(cursor);
      setClients((c) => [...c, ...found]);
      setCursor(next);
    } catch (e) {
      setError(e);
    }
  };
  const byCode = new Map((places.data ?? []).map((m: Municipality) => [m.code, m]));
  // The municipalities offered: those of the care-office regions the clients live in.
  const seen = regions.current;
  for (const c of clients) {
    const r = byCode.get(c.municipality_code)?.zorgkantoor_code;
    if (r) seen.add(r);
  }
  const region = [...byCode.values()]
    .filter((m) => seen.has(m.zorgkantoor_code) || m.code === municipality)
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  const shown = clients;
  const submit = () => {
    const y = year.trim();
    if (y && !/^(19|20)\d\d$/.test(y)) {
      setYearWrong(true);
      document.getElementById('zoek-jaar')?.focus();
      return;
    }
    setYearWrong(false);
    setError(null);
    setSearch({ municipality, name: name.trim(), year: y });
  };
  const searched = search.name || search.year || search.municipality;

  return (
    <section>
      <h1 class="utrecht-heading-1">{t(reader ? 'caseload.title_reader' : 'caseload.title')}</h1>
      <p class="utrecht-paragraph">{t(me?.role === 'zorgkantoor' ? 'caseload.intro_region' : reader ? 'caseload.intro_ciz' : 'caseload.intro')}</p>
      {!reader && (
        <p>
          <a class="utrecht-button-link utrecht-button-link--secondary-action" href="/caseload/nieuw">
            {t('caseload.new_client')}
          </a>
        </p>
      )}
      <form
        class="filters"
        role="search"
        aria-label={t('caseload.search_label')}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <TextField id="zoek-naam" label={t('caseload.search_name')} value={name} onInput={setName} />
        <TextField
          id="zoek-jaar"
          label={t('caseload.birth_year')}
          value={year}
          numeric
          error={yearWrong ? t('caseload.birth_year_wrong') : undefined}
          onInput={setYear}
        />
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
        <div class="filters-submit">
          <button type="submit" class="utrecht-button utrecht-button--primary-action">
            {t('caseload.search')}
          </button>
        </div>
      </form>
      {!first.data && <Loading error={first.error} />}
      {error !== null && <Problem error={error} />}
      {first.data && (
        <>
          <p class="utrecht-paragraph" role="status">
            {searched
              ? t(cursor ? 'caseload.found_more' : 'caseload.found', { count: shown.length })
              : t(cursor ? 'caseload.count_more' : 'caseload.count', { count: shown.length })}
          </p>
          <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="caseload-caption">
            <table class="utrecht-table utrecht-table--html-table stack-table">
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
                      <a class="utrecht-link" href={`${base}/${encodeURIComponent(c.id)}`}>
                        {c.name}
                      </a>
                      {c.birth_year ? <span class="muted"> ({c.birth_year})</span> : null}
                    </td>
                    <td data-label={t('caseload.municipality')}>
                      {byCode.get(c.municipality_code)?.name ?? c.municipality_code}
                    </td>
                    <td data-label={t('caseload.profile')}>{c.profile}</td>
                    <td data-label={t('caseload.seeking')}>{c.seeking.map((k) => t(`kinds.${k}`)).join(', ')}</td>
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
