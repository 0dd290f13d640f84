// What the care office should chase: the offers in its region that may be out of date
// (GET /api/v1/offers/outdated), with their providers and when each part was last updated;
// each links to the offer, where the care office can update it or ask the provider to.
import { getAll } from '../api';
import { formatDate, t } from '../i18n';
import type { Offer, Provider } from '../types';
import { useAsync } from '../useAsync';
import { Loading } from '../components/Loading';

export default function OutdatedOffers() {
  const { data, error } = useAsync(async () => {
    // The register names every provider, also one that is suspended (not public).
    const [offers, register] = await Promise.all([
      getAll<Offer>('/api/v1/offers/outdated?limit=500'),
      getAll<Provider>('/api/v1/register?limit=500'),
    ]);
    const names = new Map(register.map((p) => [p.id, p.name]));
    return offers
      .map((o) => ({ offer: o, provider: names.get(o.provider_id) ?? o.provider_id }))
      .sort((a, b) => (a.offer.places_updated ?? '').localeCompare(b.offer.places_updated ?? ''));
  }, []);
  const when = (iso?: string) => (iso ? formatDate(iso) : t('common.unknown'));
  return (
    <section>
      <h1 class="utrecht-heading-1">{t('outdated.title')}</h1>
      <p class="utrecht-paragraph">{t('outdated.intro')}</p>
      {!data && <Loading error={error} />}
      {data && data.length === 0 && <p class="utrecht-paragraph">{t('outdated.none')}</p>}
      {data && data.length > 0 && (
        <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="verouderd-caption">
          <table class="utrecht-table utrecht-table--html-table stack-table">
            <caption id="verouderd-caption" class="utrecht-table__caption">
              {t('outdated.caption', { count: data.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('provider.offer')}</th>
                <th scope="col">{t('register.provider')}</th>
                <th scope="col">{t('upkeep.places_updated')}</th>
                <th scope="col">{t('outdated.details_updated')}</th>
              </tr>
            </thead>
            <tbody>
              {data.map(({ offer, provider }) => (
                <tr key={offer.id}>
                  <td>
                    <a class="utrecht-link" href={`/zorgkantoor/aanbod/${encodeURIComponent(offer.id)}`}>
                      {offer.name}
                    </a>
                  </td>
                  <td data-label={t('register.provider')}>{provider}</td>
                  <td data-label={t('upkeep.places_updated')}>{when(offer.places_updated)}</td>
                  <td data-label={t('outdated.details_updated')}>{when(offer.details_updated)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
