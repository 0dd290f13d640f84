// The dossier (vraagverheldering) of one client: the wishes per life domain in the guideline's
// order, the needs (read-only: a professional records them), the people and places nearby,
// and the ways on: change the wishes, see the versions, print the report.
import { t } from '../i18n';
import { featureLabel, features, municipalities } from '../refdata';
import type { PageProps } from '../routes';
import { useSession } from '../session';
import type { Client, Feature, Wish } from '../types';
import { useAsync } from '../useAsync';
import { dropDraft, inLang, leidraad, readDossier, reportUrl, type Leidraad } from '../dossier';
import { ClientPicker } from '../components/ClientPicker';
import { useDossierTarget, withStep } from '../components/DossierLinks';
import { Loading } from '../components/Loading';

// The wishes sorted into the guideline's life domains; wishes of a feature outside the
// guideline and wishes in own words get their own group.
export function wishGroups(client: Client, guide: Leidraad) {
  const domainOf = new Map<string, string>();
  for (const d of guide.domains)
    for (const q of d.questions) for (const f of q.features) domainOf.set(f.id, d.id);
  const groups = guide.domains.map((d) => ({
    id: d.id,
    title: inLang(d.title_nl, d.title_en),
    wishes: [] as Wish[],
  }));
  const other: Wish[] = [];
  const own: Wish[] = [];
  for (const w of client.wishes) {
    if (!w.feature_id) own.push(w);
    else {
      const g = groups.find((x) => x.id === domainOf.get(w.feature_id!));
      if (g) g.wishes.push(w);
      else other.push(w);
    }
  }
  return { groups, other, own };
}

export function WishLine({ w, features }: { w: Wish; features: Feature[] }) {
  const f = features.find((x) => x.id === w.feature_id);
  return (
    <li>
      {w.feature_id ? (f ? featureLabel(f) : w.feature_id) : `“${w.text}”`}{' '}
      <span class="importance">({t(`importance.${w.importance}`)})</span>
      {f?.kind === 'level' && w.value !== undefined && (
        <span class="muted"> – {t(`levels.${Math.round(w.value)}`)}</span>
      )}
      {f?.kind === 'number' && w.value !== undefined && (
        <span class="muted">
          {' '}
          – {w.value} {f.unit ?? ''}
        </span>
      )}
      {w.feature_id && w.text ? <span class="own-words"> – “{w.text}”</span> : null}
    </li>
  );
}

export default function Dossier({ params, query }: PageProps) {
  const { me } = useSession();
  const target = useDossierTarget(params, query);
  const id = target.id;
  const { data, error } = useAsync(async () => {
    if (!id) return null;
    dropDraft(id); // back on the dossier: a change not saved is let go
    const [dossier, guide, f, m] = await Promise.all([readDossier(id), leidraad(), features(), municipalities()]);
    return { ...dossier, guide, features: f, municipalities: m };
  }, [id]);
  const client = data?.client;
  const own = !target.supporter && me?.role === 'client';
  return (
    <section>
      {target.supporter && (
        <p class="no-print">
          <a class="utrecht-link" href={target.back}>
            {t(target.readOnly ? 'dossier.back_clients' : 'dossier.back_client')}
          </a>
        </p>
      )}
      <h1 class="utrecht-heading-1">
        {client && !own ? t('dossier.title_for', { name: client.name }) : t('dossier.title')}
      </h1>
      {!target.supporter && id && <ClientPicker ids={target.ids} chosen={id} path="/mijn/dossier" />}
      {!id && <p class="utrecht-paragraph">{t('mine.no_client')}</p>}
      {id && !data && <Loading error={error} />}
      {data && client && (
        <>
          <p class="utrecht-paragraph">
            {t(target.readOnly ? 'dossier.intro_reader' : target.supporter ? 'dossier.intro_supporter' : 'dossier.intro')}
          </p>
          <p class="muted">{t('dossier.version', { n: data.version.replace(/\D/g, '') })}</p>
          <ul class="action-list no-print">
            {!target.readOnly && (
              <li>
                <a class="utrecht-button-link utrecht-button-link--primary-action" href={withStep(target.path('/wijzigen'), 1)}>
                  {t(target.supporter ? 'dossier.edit_together' : 'dossier.edit')}
                </a>
              </li>
            )}
            <li>
              <a class="utrecht-button-link utrecht-button-link--secondary-action" href={target.path('/versies')}>
                {t('dossier.versions')}
              </a>
            </li>
            <li>
              <a class="utrecht-button-link utrecht-button-link--secondary-action" href={reportUrl(id!)}>
                {t('dossier.print_report')}
              </a>
            </li>
            <li>
              <a
                class="utrecht-button-link utrecht-button-link--secondary-action"
                href={`/api/v1/clients/${encodeURIComponent(id!)}/fhir`}
                download={`dossier-${id}.fhir.json`}
              >
                {t('dossier.download_fhir')}
              </a>
            </li>
          </ul>
          <DossierBody
            client={client}
            guide={data.guide}
            features={data.features}
            needsHint={target.readOnly ? 'dossier.needs_hint_reader' : target.supporter ? 'dossier.needs_hint_supporter' : 'dossier.needs_hint'}
          />
          <h2 class="utrecht-heading-2">{t('dossier.about')}</h2>
          <dl class="facts">
            <dt>{t('client.lives_in')}</dt>
            <dd>
              {data.municipalities.find((m) => m.code === client.municipality_code)?.name ??
                client.municipality_code}
            </dd>
            <dt>{t('client.profile')}</dt>
            <dd>{client.profile || t('common.unknown')}</dd>
            <dt>{t('client.seeking')}</dt>
            <dd>{client.seeking.map((k) => t(`kinds.${k}`)).join(', ') || t('common.unknown')}</dd>
          </dl>
        </>
      )}
    </section>
  );
}

export function DossierBody({
  client,
  guide,
  features,
  needsHint,
}: {
  client: Client;
  guide: Leidraad;
  features: Feature[];
  needsHint: string;
}) {
  const { groups, other, own } = wishGroups(client, guide);
  const label = (id: string) => {
    const f = features.find((x) => x.id === id);
    return f ? featureLabel(f) : id;
  };
  return (
    <>
      <h2 class="utrecht-heading-2">{t('dossier.wishes')}</h2>
      {client.wishes.length === 0 && <p class="utrecht-paragraph">{t('dossier.no_wishes')}</p>}
      {groups
        .filter((g) => g.wishes.length > 0)
        .map((g) => (
          <div key={g.id} class="wish-group">
            <h3 class="utrecht-heading-3">{g.title}</h3>
            <ul class="utrecht-unordered-list">
              {g.wishes.map((w) => (
                <WishLine key={w.feature_id} w={w} features={features} />
              ))}
            </ul>
          </div>
        ))}
      {other.length > 0 && (
        <div class="wish-group">
          <h3 class="utrecht-heading-3">{t('dossier.other_wishes')}</h3>
          <ul class="utrecht-unordered-list">
            {other.map((w) => (
              <WishLine key={w.feature_id} w={w} features={features} />
            ))}
          </ul>
        </div>
      )}
      {own.length > 0 && (
        <div class="wish-group">
          <h3 class="utrecht-heading-3">{t('dossier.own_words')}</h3>
          <ul class="utrecht-unordered-list">
            {own.map((w, i) => (
              <WishLine key={i} w={w} features={features} />
            ))}
          </ul>
        </div>
      )}
      <h2 class="utrecht-heading-2">{t('dossier.needs')}</h2>
      <p class="field-hint">{t(needsHint)}</p>
      {client.needs.length === 0 ? (
        <p class="utrecht-paragraph">{t('dossier.no_needs')}</p>
      ) : (
        <ul class="utrecht-unordered-list">
          {client.needs.map((n) => (
            <li key={n.feature_id}>
              {label(n.feature_id)}
              {n.note && <span class="muted"> ({n.note})</span>}
            </li>
          ))}
        </ul>
      )}
      {client.places.length > 0 && (
        <>
          <h2 class="utrecht-heading-2">{t('client.places')}</h2>
          <ul class="utrecht-unordered-list">
            {client.places.map((p, i) => (
              <li key={i}>
                {t('client.place', { who: p.label, km: p.max_km })} ({t(`importance.${p.importance}`)})
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
