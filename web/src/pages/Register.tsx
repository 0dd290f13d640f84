// The register of providers in the care office's region: each provider, its offers there,
// the kinds of care, free places, and how many of its offers the care office contracted.
import { getAll } from '../api';
import { downloadCsv } from '../csv';
import { formatNumber, t } from '../i18n';
import { careOffices } from '../refdata';
import { useSession } from '../session';
import type { Offer, Provider } from '../types';
import { useAsync } from '../useAsync';
import { Loading } from '../components/Loading';

interface Row {
  provider: Provider;
  offers: number;
  contracted: number;
  free: number;
  kinds: string[];
}

export default function Register() {
  const { me } = useSession();
  const region = me?.region ?? '';
  const { data, error } = useAsync(async () => {
    const [offers, providers] = await Promise.all([
      getAll<Offer>(`/api/v1/offers?region=${encodeURIComponent(region)}&limit=500`),
      getAll<Provider>('/api/v1/providers?limit=500'),
    ]);
    const rows = new Map<string, Row>();
    for (const o of offers) {
      const p = providers.find((x) => x.id === o.provider_id);
      if (!p) continue;
      const row = rows.get(p.id) ?? { provider: p, offers: 0, contracted: 0, free: 0, kinds: [] };
      row.offers++;
      if (o.contracted_regions.includes(region)) row.contracted++;
      row.free += o.free_places;
      if (!row.kinds.includes(o.kind)) row.kinds.push(o.kind);
      rows.set(p.id, row);
    }
    const office = (await careOffices().catch(() => [])).find((o) => o.code === region);
    return {
      office: office ? office.name : region,
      rows: [...rows.values()].sort((a, b) => a.provider.name.localeCompare(b.provider.name, 'nl')),
    };
  }, [region]);
  return (
    <section>
      <h1 class="utrecht-heading-1">{t('register.title')}</h1>
      {!data && <Loading error={error} />}
      {data && (
        <>
          <p class="utrecht-paragraph">{t('register.intro', { office: data.office })}</p>
          <button
            type="button"
            class="utrecht-button utrecht-button--secondary-action"
            onClick={() =>
              downloadCsv(`aanbieders-${region}.csv`, [
                [t('register.provider'), t('register.offers'), t('register.contracted'), t('register.free'), t('register.kinds')],
                ...data.rows.map((r) => [
                  r.provider.name,
                  r.offers,
                  r.contracted,
                  r.free,
                  r.kinds.map((k) => t(`kinds.${k}`)).join(', '),
                ]),
              ])
            }
          >
            {t('common.download_csv')}
          </button>
          <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="register-caption">
            <table class="utrecht-table utrecht-table--html-table stack-table">
              <caption id="register-caption" class="utrecht-table__caption">
                {t('register.caption', { count: data.rows.length })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('register.provider')}</th>
                  <th scope="col" class="num">
                    {t('register.offers')}
                  </th>
                  <th scope="col" class="num">
                    {t('register.contracted')}
                  </th>
                  <th scope="col" class="num">
                    {t('register.free')}
                  </th>
                  <th scope="col">{t('register.kinds')}</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r) => (
                  <tr key={r.provider.id}>
                    <td>
                      {r.provider.website ? (
                        <a class="utrecht-link" href={r.provider.website} rel="noopener noreferrer">
                          {r.provider.name}
                        </a>
                      ) : (
                        r.provider.name
                      )}
                      <br />
                      <a class="utrecht-link small" href={`/zorgkantoor/aanbod/nieuw?aanbieder=${encodeURIComponent(r.provider.id)}`}>
                        {t('newoffer.link_for', { name: r.provider.name })}
                      </a>
                    </td>
                    <td class="num" data-label={t('register.offers')}>
                      {formatNumber(r.offers)}
                    </td>
                    <td class="num" data-label={t('register.contracted')}>
                      {formatNumber(r.contracted)}
                    </td>
                    <td class="num" data-label={t('register.free')}>
                      {formatNumber(r.free)}
                    </td>
                    <td data-label={t('register.kinds')}>{r.kinds.map((k) => t(`kinds.${k}`)).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
