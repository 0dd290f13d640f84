// The care office's regional mismatch map: what the clients of the region want that even
// their best option does not offer, per wish and per municipality, as a chart and tables,
// with CSV downloads (GET /api/v1/mismatch?region=). Every reader sees its organisation's
// region only (report.read, issue 23.2: care office, provider, researcher); an account
// without a region chooses one and gets the API's refusal.
import { useState } from 'preact/hooks';
import { get } from '../api';
import { downloadCsv } from '../csv';
import { formatNumber, t } from '../i18n';
import { useSession } from '../session';
import type { MismatchArea, MismatchMap as Map_, Supply } from '../types';
import { useAsync } from '../useAsync';
import { BarChart } from '../components/BarChart';
import { Loading } from '../components/Loading';
import { Select } from '../components/Fields';
import { careOffices } from '../refdata';
import { navigate } from '../router';
import type { PageProps } from '../routes';

const pct = (share: number) => `${formatNumber(share * 100, 1)}%`;

// A count of people, or "fewer than 5" where the server left it out (small cells).
const count = (n: number | null | undefined, min: number) =>
  n === null || n === undefined ? t('careoffice.fewer_than', { count: min }) : formatNumber(n);

const supplyText = (s?: Supply) =>
  s
    ? t('careoffice.supply_text', {
        offers: formatNumber(s.offers),
        free: formatNumber(s.free_places),
        wait: formatNumber(s.median_wait_weeks),
      })
    : '';

export default function MismatchMap({ query }: PageProps) {
  const { me } = useSession();
  const own = me?.region ?? '';
  const region = own || (query.get('regio') ?? '');
  const { data, error } = useAsync(
    () =>
      region
        ? get<Map_>(`/api/v1/mismatch?region=${encodeURIComponent(region)}`)
        : Promise.resolve(null),
    [region],
  );
  const [showAll, setShowAll] = useState(false);
  const wishes = data
    ? Object.entries(data.per_wish)
        .map(([key, w]) => ({ key, ...w }))
        .sort((a, b) => b.clients - a.clients || a.label.localeCompare(b.label, 'nl'))
    : [];
  const top = wishes.slice(0, 15);
  const listed = showAll ? wishes : wishes.slice(0, 25);

  return (
    <section>
      <h1 class="utrecht-heading-1">
        {data ? t('careoffice.title_for', { scope: data.scope }) : t('careoffice.title')}
      </h1>
      <p class="utrecht-paragraph">{own ? t('careoffice.intro') : t('careoffice.intro_any')}</p>
      {own ? (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href="/zorgkantoor/trend">
            {t('careoffice.to_trend')}
          </a>
        </p>
      ) : (
        <RegionChoice region={region} />
      )}
      {region && (!data || data.region !== region) && <Loading error={error} />}
      {data && data.region === region && (
        <>
          <dl class="facts key-figures">
            <dt>{t('careoffice.clients')}</dt>
            <dd>{count(data.clients, data.min_clients)}</dd>
            {data.clients_with_must_gap !== undefined && (
              <>
                <dt>{t('careoffice.with_must_gap')}</dt>
                <dd>
                  {count(data.clients_with_must_gap, data.min_clients)}
                  {data.clients && data.clients_with_must_gap != null
                    ? ` (${pct(data.clients_with_must_gap / data.clients)})`
                    : ''}
                </dd>
              </>
            )}
            <dt>{t('careoffice.with_mismatch')}</dt>
            <dd>
              {count(data.clients_with_mismatch, data.min_clients)}
              {data.clients && data.clients_with_mismatch != null
                ? ` (${pct(data.clients_with_mismatch / data.clients)})`
                : ''}
            </dd>
            <dt>{t('careoffice.without_offer')}</dt>
            <dd>{count(data.clients_without_offer, data.min_clients)}</dd>
          </dl>

          <h2 class="utrecht-heading-2" id="grafiek-titel">
            {t('careoffice.chart_title')}
          </h2>
          <BarChart
            labelledBy="grafiek-titel"
            descId="grafiek-uitleg"
            desc={t('careoffice.chart_desc')}
            groups={[{ key: 'wensen', bars: top.map((r) => ({ label: `${r.label}: ${pct(r.share)}`, share: r.share })) }]}
          />

          <h2 class="utrecht-heading-2" id="wensen-titel">
            {t('careoffice.per_wish')}
          </h2>
          <button
            type="button"
            class="utrecht-button utrecht-button--secondary-action"
            onClick={() =>
              downloadCsv(`mismatch-${data.region}-per-wens.csv`, [
                [t('careoffice.wish'), t('careoffice.key'), t('careoffice.clients'), t('careoffice.share')],
                ...wishes.map((w) => [w.label, w.key, w.clients, Number((w.share * 100).toFixed(2))]),
              ])
            }
          >
            {t('common.download_csv')}
          </button>
          <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="wensen-titel">
            <table class="utrecht-table utrecht-table--html-table stack-table">
              <thead>
                <tr>
                  <th scope="col">{t('careoffice.wish')}</th>
                  <th scope="col" class="num">
                    {t('careoffice.clients')}
                  </th>
                  <th scope="col" class="num">
                    {t('careoffice.must')}
                  </th>
                  <th scope="col" class="num">
                    {t('careoffice.share')}
                  </th>
                  <th scope="col">{t('careoffice.supply')}</th>
                </tr>
              </thead>
              <tbody>
                {listed.map((w) => (
                  <tr key={w.key}>
                    <td>{w.label}</td>
                    <td class="num" data-label={t('careoffice.clients')}>
                      {formatNumber(w.clients)}
                    </td>
                    <td class="num" data-label={t('careoffice.must')}>
                      {count(w.clients_must ?? 0, data.min_clients)}
                    </td>
                    <td class="num" data-label={t('careoffice.share')}>
                      {pct(w.share)}
                    </td>
                    <td data-label={t('careoffice.supply')}>{supplyText(w.supply)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {wishes.length > 25 && (
            <button
              type="button"
              class="utrecht-button utrecht-button--subtle"
              aria-expanded={showAll}
              onClick={() => setShowAll(!showAll)}
            >
              {showAll ? t('careoffice.show_less') : t('careoffice.show_all', { count: wishes.length })}
            </button>
          )}

          {(data.kinds?.length ?? 0) + (data.profiles?.length ?? 0) > 0 && (
            <>
              <h2 class="utrecht-heading-2" id="zoekenden-titel">
                {t('careoffice.seekers_title')}
              </h2>
              <p class="utrecht-paragraph">{t('careoffice.seekers_intro')}</p>
              <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="zoekenden-titel">
                <table class="utrecht-table utrecht-table--html-table stack-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('careoffice.group')}</th>
                      <th scope="col" class="num">
                        {t('careoffice.seekers')}
                      </th>
                      <th scope="col" class="num">
                        {t('careoffice.with_must_gap')}
                      </th>
                      <th scope="col">{t('careoffice.supply')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {[...(data.kinds ?? []), ...(data.profiles ?? [])].map((a: MismatchArea) => (
                      <tr key={`${a.code}-${a.name}`}>
                        <td>{a.name}</td>
                        <td class="num" data-label={t('careoffice.seekers')}>
                          {count(a.clients, data.min_clients)}
                        </td>
                        <td class="num" data-label={t('careoffice.with_must_gap')}>
                          {count(a.clients_with_must_gap, data.min_clients)}
                        </td>
                        <td data-label={t('careoffice.supply')}>{supplyText(a.supply)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}

          {data.unchangeable && Object.keys(data.unchangeable).length > 0 && (
            <>
              <h2 class="utrecht-heading-2">{t('careoffice.unchangeable_title')}</h2>
              <p class="utrecht-paragraph">{t('careoffice.unchangeable_intro')}</p>
              <ul class="utrecht-unordered-list">
                {Object.entries(data.unchangeable).map(([key, u]) => (
                  <li key={key}>
                    {u.label}: {t('careoffice.n_clients', { count: u.clients })} ({pct(u.share)})
                  </li>
                ))}
              </ul>
            </>
          )}

          <h2 class="utrecht-heading-2" id="gemeenten-titel">
            {t('careoffice.per_municipality')}
          </h2>
          <button
            type="button"
            class="utrecht-button utrecht-button--secondary-action"
            onClick={() =>
              downloadCsv(`mismatch-${data.region}-per-gemeente.csv`, [
                [
                  t('careoffice.municipality'),
                  t('careoffice.code'),
                  t('careoffice.clients'),
                  t('careoffice.with_mismatch'),
                  t('careoffice.top_wish'),
                ],
                ...data.municipalities.map((m) => [
                  m.name,
                  m.code,
                  m.clients ?? `<${data.min_clients}`,
                  m.clients_with_mismatch ?? `<${data.min_clients}`,
                  topWish(m.per_wish, data.per_wish),
                ]),
              ])
            }
          >
            {t('common.download_csv')}
          </button>
          <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="gemeenten-titel">
            <table class="utrecht-table utrecht-table--html-table stack-table">
              <thead>
                <tr>
                  <th scope="col">{t('careoffice.municipality')}</th>
                  <th scope="col" class="num">
                    {t('careoffice.clients')}
                  </th>
                  <th scope="col" class="num">
                    {t('careoffice.with_mismatch')}
                  </th>
                  <th scope="col">{t('careoffice.top_wish')}</th>
                </tr>
              </thead>
              <tbody>
                {[...data.municipalities]
                  .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
                  .map((m) => (
                    <tr key={m.code}>
                      <td>{m.name}</td>
                      <td class="num" data-label={t('careoffice.clients')}>
                        {count(m.clients, data.min_clients)}
                      </td>
                      <td class="num" data-label={t('careoffice.with_mismatch')}>
                        {count(m.clients_with_mismatch, data.min_clients)}
                        {m.clients && m.clients_with_mismatch != null
                          ? ` (${pct(m.clients_with_mismatch / m.clients)})`
                          : ''}
                      </td>
                      <td data-label={t('careoffice.top_wish')}>{topWish(m.per_wish, data.per_wish)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>

          {data.free_texts.length > 0 && (
            <>
              <h2 class="utrecht-heading-2">{t('careoffice.free_texts')}</h2>
              <ul class="utrecht-unordered-list">
                {data.free_texts.slice(0, 15).map((f) => (
                  <li key={f.text}>
                    “{f.text}” ({t('careoffice.n_clients', { count: f.clients })})
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}

// Which region's map: the URL keeps the choice (?regio=), so it can be shared and reloaded.
function RegionChoice({ region }: { region: string }) {
  const { data } = useAsync(careOffices, []);
  const options = [...(data ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  return (
    <Select
      id="regio"
      label={t('careoffice.choose_region')}
      value={region}
      options={[
        { value: '', label: t('careoffice.choose') },
        ...options.map((o) => ({ value: o.code, label: o.name })),
      ]}
      onChange={(v) => navigate(v ? `?regio=${encodeURIComponent(v)}` : '?', true)}
    />
  );
}

function topWish(
  per: Record<string, { clients: number }>,
  labels: Record<string, { label: string }>,
): string {
  let best = '';
  let n = -1;
  for (const [key, w] of Object.entries(per)) {
    if (w.clients > n || (w.clients === n && key < best)) {
      best = key;
      n = w.clients;
    }
  }
  return best ? `${labels[best]?.label ?? best} (${formatNumber(n)})` : '';
}
