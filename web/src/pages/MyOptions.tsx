// The client's (or representative's) own options: the dossier's wishes and the ranked,
// explained options for it (GET /api/v1/clients/{id}/matches).
import { get } from '../api';
import { t } from '../i18n';
import { features, municipalities } from '../refdata';
import type { PageProps } from '../routes';
import { useSession } from '../session';
import type { Client, MatchAnswer } from '../types';
import { useAsync } from '../useAsync';
import { ClientPicker, useChosenClient } from '../components/ClientPicker';
import { ClientSummary } from '../components/ClientSummary';
import { Loading } from '../components/Loading';
import { OptionsView } from '../components/OptionsView';

export async function loadClientOptions(id: string) {
  const enc = encodeURIComponent(id);
  const [client, answer, f, m] = await Promise.all([
    get<Client>(`/api/v1/clients/${enc}`),
    get<MatchAnswer>(`/api/v1/clients/${enc}/matches?arrangements=true&limit=10`),
    features(),
    municipalities(),
  ]);
  return { client, answer, features: f, municipalities: m };
}

export default function MyOptions({ query }: PageProps) {
  const { me } = useSession();
  const ids = me?.client_ids ?? [];
  const id = useChosenClient(ids, query);
  const { data, error } = useAsync(() => (id ? loadClientOptions(id) : Promise.reject(null)), [id]);
  return (
    <section>
      <h1 class="utrecht-heading-1">
        {data && me?.role === 'representative'
          ? t('mine.title_for', { name: data.client.name })
          : t('mine.title')}
      </h1>
      {id && <ClientPicker ids={ids} chosen={id} path="/mijn" />}
      {!id && <p class="utrecht-paragraph">{t('mine.no_client')}</p>}
      {id && !data && <Loading error={error} />}
      {data && (
        <>
          <ClientSummary
            client={data.client}
            features={data.features}
            municipalities={data.municipalities}
          />
          <h2 class="utrecht-heading-2">{t('mine.options_title')}</h2>
          <OptionsView
            answer={data.answer}
            home={data.client.home}
            places={data.client.places}
            municipalities={data.municipalities}
          />
        </>
      )}
    </section>
  );
}
