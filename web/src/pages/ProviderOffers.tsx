// The provider's own offers: free places, waits, contracts and when each was last updated
// ("mogelijk verouderd" when the API says so); each offer links to where it is kept current.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, get, getAll } from '../api';
import { formatDate, formatNumber, t } from '../i18n';
import { useSession } from '../session';
import type { Location, Offer, Provider } from '../types';
import { useAsync } from '../useAsync';
import { TextField } from '../components/Fields';
import { Loading } from '../components/Loading';
import { weeks } from '../components/OptionCard';

export default function ProviderOffers() {
  const { me } = useSession();
  const id = me?.provider_id ?? '';
  const { data, error } = useAsync(async () => {
    const enc = encodeURIComponent(id);
    const [provider, offers, locations] = await Promise.all([
      get<Provider>(`/api/v1/providers/${enc}`),
      getAll<Offer>(`/api/v1/offers?provider=${enc}&limit=500`),
      getAll<Location>(`/api/v1/locations?provider=${enc}&limit=500`),
    ]);
    return { provider, offers, locations: new Map(locations.map((l) => [l.id, l])) };
  }, [id]);
  // Search as you type (GET /api/v1/offers?q=: every word begins a word of the offer's name
  // or description, in Dutch without minding case or accents), a quarter second after the
  // last key.
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const found = useAsync(
    async () =>
      q ? getAll<Offer>(`/api/v1/offers?provider=${encodeURIComponent(id)}&q=${encodeURIComponent(q)}&limit=500`) : null,
    [id, q],
  );
  const shown = q ? (found.data ?? []) : (data?.offers ?? []);
  // Only approved providers are public: a provider not (yet) approved reads as not found.
  const notPublic = error instanceof ApiError && error.code === 'not_found';
  const free = data ? data.offers.reduce((n, o) => n + o.free_places, 0) : 0;
  const outdated = data ? data.offers.filter((o) => o.maybe_outdated).length : 0;
  return (
    <section>
      <h1 class="utrecht-heading-1">
        {data ? t('provider.title_for', { name: data.provider.name }) : t('provider.title')}
      </h1>
      {!data && notPublic && (
        <>
          <p class="utrecht-paragraph">{t('provider.not_public')}</p>
          <p>
            <a class="utrecht-button-link utrecht-button-link--primary-action" href="/aanbieder/aanmelden">
              {t('provider.submit_link')}
            </a>
          </p>
        </>
      )}
      {!data && !notPublic && <Loading error={error} />}
      {data && (
        <>
          <p class="utrecht-paragraph">
            {t('provider.summary', { count: data.offers.length, free })}
          </p>
          <p class="utrecht-paragraph">{t('provider.upkeep_hint')}</p>
          <p>
            <a class="utrecht-button-link utrecht-button-link--primary-action" href="/aanbieder/aanbod/nieuw">
              {t('newoffer.link')}
            </a>
          </p>
          {outdated > 0 && (
            <p class="utrecht-paragraph">
              <span class="badge-outdated">{t('provider.outdated_count', { count: outdated })}</span>
            </p>
          )}
          <TextField
            id="zoek-aanbod"
            label={t('provider.search')}
            hint={t('provider.search_hint')}
            value={typed}
            onInput={setTyped}
          />
          <p class="utrecht-paragraph" role="status">
            {q && found.data ? t('provider.found', { count: found.data.length }) : ''}
          </p>
          {q && found.error !== null && <Loading error={found.error} />}
          {/* On a phone a card per offer with what a provider keeps current: the table's
              nine columns would hide the free places beyond the screen's edge. */}
          <ul class="offer-cards" aria-label={t('provider.caption')}>
            {shown.map((o) => (
              <li key={o.id} class="offer-card">
                <a class="utrecht-link" href={`/aanbieder/aanbod/${encodeURIComponent(o.id)}`}>
                  {o.name}
                </a>
                <dl class="facts">
                  <dt>{t('provider.free')}</dt>
                  <dd>{t('provider.free_of', { free: formatNumber(o.free_places), capacity: formatNumber(o.capacity) })}</dd>
                  <dt>{t('provider.wait')}</dt>
                  <dd>
                    {weeks(o.waiting_weeks)}, {t('provider.people_waiting', { count: o.waiting_people })}
                  </dd>
                  <dt>{t('provider.updated')}</dt>
                  <dd>
                    {o.places_updated ? formatDate(o.places_updated) : t('common.unknown')}
                    {o.maybe_outdated && <span class="badge-outdated"> {t('options.outdated')}</span>}
                  </dd>
                </dl>
              </li>
            ))}
          </ul>
          <div class="table-scroll offer-table" tabIndex={0} role="region" aria-labelledby="aanbod-caption">
            <table class="utrecht-table utrecht-table--html-table">
              <caption id="aanbod-caption" class="utrecht-table__caption">
                {t('provider.caption')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('provider.offer')}</th>
                  <th scope="col">{t('provider.kind')}</th>
                  <th scope="col" class="num">
                    {t('provider.free')}
                  </th>
                  <th scope="col" class="num">
                    {t('provider.capacity')}
                  </th>
                  <th scope="col">{t('provider.wait')}</th>
                  <th scope="col" class="num">
                    {t('provider.waiting_people')}
                  </th>
                  <th scope="col">{t('provider.updated')}</th>
                  <th scope="col">{t('provider.contracted')}</th>
                  <th scope="col">{t('provider.profiles')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((o) => (
                  <tr key={o.id}>
                    <td>
                      <a class="utrecht-link" href={`/aanbieder/aanbod/${encodeURIComponent(o.id)}`}>
                        {o.name}
                      </a>
                      {/* The location, where the offer's name does not say it already (one
                          column less keeps the table within a laptop's width). */}
                      {!o.name.includes(data.locations.get(o.location_id)?.name ?? o.name) && (
                        <span class="muted">
                          {' '}
                          ({t('provider.at', { location: data.locations.get(o.location_id)?.name })})
                        </span>
                      )}
                    </td>
                    <td>{t(`kinds.${o.kind}`)}</td>
                    <td class="num">{formatNumber(o.free_places)}</td>
                    <td class="num">{formatNumber(o.capacity)}</td>
                    <td>{weeks(o.waiting_weeks)}</td>
                    <td class="num">{formatNumber(o.waiting_people)}</td>
                    <td>
                      {o.places_updated ? formatDate(o.places_updated) : t('common.unknown')}
                      {o.maybe_outdated && <span class="badge-outdated"> {t('options.outdated')}</span>}
                    </td>
                    <td>
                      {o.contracted_regions.length ? o.contracted_regions.join(', ') : t('provider.no_contract')}
                    </td>
                    <td>{o.profiles.length ? o.profiles.join(', ') : t('provider.all_profiles')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2 class="utrecht-heading-2">{t('provider.sheet_title')}</h2>
          <p class="utrecht-paragraph">{t('provider.sheet_text')}</p>
          <p>
            <a class="utrecht-button-link utrecht-button-link--secondary-action" href="/api/v1/catalog/csv-template" download="aanbod_sjabloon.csv">
              {t('provider.sheet_download')}
            </a>
          </p>
        </>
      )}
    </section>
  );
}
