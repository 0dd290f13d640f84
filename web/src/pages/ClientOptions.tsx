// One client of the caseload: what matters to them and their options, to go through and
// compare together, and to print; from here the dossier (the guideline together, versions,
// the report) and the registration form for a chosen offer.
import { t } from '../i18n';
import type { PageProps } from '../routes';
import { useAsync } from '../useAsync';
import { Loading } from '../components/Loading';
import { ClientSummary } from '../components/ClientSummary';
import { OptionsView } from '../components/OptionsView';
import { loadClientOptions } from './MyOptions';

export default function ClientOptions({ params }: PageProps) {
  const { data, error } = useAsync(() => loadClientOptions(params.id), [params.id]);
  const enc = encodeURIComponent(params.id);
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
          <ul class="action-list no-print">
            <li>
              <a class="utrecht-button-link utrecht-button-link--primary-action" href={`/caseload/${enc}/dossier`}>
                {t('client.dossier')}
              </a>
            </li>
            <li>
              <button
                type="button"
                class="utrecht-button utrecht-button--secondary-action"
                onClick={() => window.print()}
              >
                {t('client.print')}
              </button>
            </li>
          </ul>
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
            partAction={(p) => (
              <a
                class="utrecht-link no-print form-link"
                href={`/caseload/${enc}/aanmelden?aanbod=${encodeURIComponent(p.offer_id)}`}
              >
                {t('client.form_for', { name: p.offer_name })}
              </a>
            )}
          />
        </>
      )}
    </section>
  );
}
