// One client of the caseload: what matters to them and their options, to go through and
// compare together, and to print.
import { t } from '../i18n';
import type { PageProps } from '../routes';
import { useAsync } from '../useAsync';
import { Loading } from '../components/Loading';
import { ClientSummary } from '../components/ClientSummary';
import { OptionsView } from '../components/OptionsView';
import { loadClientOptions } from './MyOptions';

export default function ClientOptions({ params }: PageProps) {
  const { data, error } = useAsync(() => loadClientOptions(params.id), [params.id]);
  return (
    <section>
      <p class="no-print">
        <a class="utrecht-link" href="/caseload">
          {t('client.back')}
        </a>
      </p>
      <h1 class="utrecht-heading-1">
        {data ? t('client.title_for', { name: data.client.name }) : t('client.title')}
      </h1>
      {!data && <Loading error={error} />}
      {data && (
        <>
          <button
            type="button"
            class="utrecht-button utrecht-button--secondary-action no-print"
            onClick={() => window.print()}
          >
            {t('client.print')}
          </button>
          <ClientSummary
            client={data.client}
            features={data.features}
            municipalities={data.municipalities}
          />
          <h2 class="utrecht-heading-2">{t('client.options_title')}</h2>
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
