// What a client's dossier says matters, read-only (editing the dossier is a later step).
import { t } from '../i18n';
import { featureLabel } from '../refdata';
import type { Client, Feature, Municipality } from '../types';

export function ClientSummary({
  client,
  features,
  municipalities,
}: {
  client: Client;
  features: Feature[];
  municipalities: Municipality[];
}) {
  const label = (id?: string) => {
    const f = features.find((x) => x.id === id);
    return f ? featureLabel(f) : id ?? '';
  };
  const place = municipalities.find((m) => m.code === client.municipality_code)?.name;
  return (
    <section class="client-summary" aria-labelledby="dossier-titel">
      <h2 class="utrecht-heading-2" id="dossier-titel">
        {t('client.summary_title')}
      </h2>
      <dl class="facts">
        <dt>{t('client.lives_in')}</dt>
        <dd>{place ?? client.municipality_code}</dd>
        <dt>{t('client.profile')}</dt>
        <dd>{client.profile || t('common.unknown')}</dd>
        <dt>{t('client.seeking')}</dt>
        <dd>{client.seeking.map((k) => t(`kinds.${k}`)).join(', ') || t('common.unknown')}</dd>
      </dl>
      <h3 class="utrecht-heading-3">{t('client.wishes')}</h3>
      <ul class="utrecht-unordered-list">
        {client.wishes.map((w, i) => (
          <li key={i}>
            {w.feature_id ? label(w.feature_id) : `“${w.text}”`} ({t(`importance.${w.importance}`)})
            {w.feature_id && w.text ? <span class="muted"> – “{w.text}”</span> : null}
          </li>
        ))}
      </ul>
      {client.needs.length > 0 && (
        <>
          <h3 class="utrecht-heading-3">{t('client.needs')}</h3>
          <ul class="utrecht-unordered-list">
            {client.needs.map((n) => (
              <li key={n.feature_id}>{label(n.feature_id)}</li>
            ))}
          </ul>
        </>
      )}
      {client.places.length > 0 && (
        <>
          <h3 class="utrecht-heading-3">{t('client.places')}</h3>
          <ul class="utrecht-unordered-list">
            {client.places.map((p, i) => (
              <li key={i}>{t('client.place', { who: p.label, km: p.max_km })}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
