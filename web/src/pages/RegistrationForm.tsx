// The registration form (aanmeldformulier) for one chosen offer: made only when the client
// consented to that offer's provider (otherwise the API answers 409 and the page says what
// to do); then the form can be opened as a page to print.
import { get, ApiError } from '../api';
import { t } from '../i18n';
import type { PageProps } from '../routes';
import { useAsync } from '../useAsync';
import { formUrl } from '../dossier';
import { Loading } from '../components/Loading';

interface Form {
  client: { id: string; name: string };
  offer: { id: string; name: string; kind: string; provider_id: string; provider_name: string };
  consent_id: string;
}

export default function RegistrationForm({ params, query }: PageProps) {
  const id = params.id;
  const offer = query.get('aanbod') ?? '';
  const enc = encodeURIComponent(id);
  const { data, error } = useAsync(() => get<Form>(formUrl(id, offer)), [id, offer]);
  const noConsent = error instanceof ApiError && error.code === 'failed_precondition';
  return (
    <section>
      <p class="no-print">
        <a class="utrecht-link" href={`/caseload/${enc}`}>
          {t('dossier.back_client')}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{t('form.title')}</h1>
      {noConsent ? (
        <div class="utrecht-alert utrecht-alert--warning" role="alert">
          <div class="utrecht-alert__content">
            <div class="utrecht-alert__message">
              <p class="utrecht-paragraph">
                <strong>{t('form.no_consent_title')}</strong>
              </p>
              <p class="utrecht-paragraph">{t('form.no_consent_text')}</p>
            </div>
          </div>
        </div>
      ) : (
        !data && <Loading error={error} />
      )}
      {data && (
        <>
          <p class="utrecht-paragraph">
            {t('form.intro', { client: data.client.name, offer: data.offer.name, provider: data.offer.provider_name })}
          </p>
          <dl class="facts">
            <dt>{t('form.client')}</dt>
            <dd>{data.client.name}</dd>
            <dt>{t('form.offer')}</dt>
            <dd>
              {data.offer.name} ({t(`kinds.${data.offer.kind}`)})
            </dd>
            <dt>{t('form.provider')}</dt>
            <dd>{data.offer.provider_name}</dd>
            <dt>{t('form.consent')}</dt>
            <dd>{t('form.consent_ok')}</dd>
          </dl>
          <p>
            <a class="utrecht-button-link utrecht-button-link--primary-action" href={formUrl(id, offer, true)}>
              {t('form.open')}
            </a>
          </p>
          <p class="field-hint">{t('form.open_hint')}</p>
        </>
      )}
    </section>
  );
}
