// The provider (or the care office, for an offer in its region) keeps one offer current in a
// few clicks: free places, people waiting and the
// expected wait (PATCH /api/v1/offers/{id}, only the fields that changed; when nothing
// changed, saving confirms the free places, so people see the offer is current). Shows when
// it was last updated, "mogelijk verouderd" when the API says so, and who changed what. The
// care office also sets its own region's contract for the offer (in kind or only pgb).
import { useState } from 'preact/hooks';
import { api, get, getAll, patch } from '../api';
import { formatDate, formatDateTime, t } from '../i18n';
import { careOffices, featureLabel, features } from '../refdata';
import type { PageProps } from '../routes';
import { useSession } from '../session';
import type { Feature, Location, Offer, Organisation } from '../types';
import { useAsync } from '../useAsync';
import { Loading } from '../components/Loading';
import { PlacesFields, firstWrong, type PlacesValues } from '../components/PlacesFields';
import { Problem } from '../components/Problem';

interface Change {
  changed_at: string;
  user_id: string;
  organisation_id: string;
  field: string;
  old_value: string;
  new_value: string;
}

const FIELDS = ['free_places', 'waiting_people', 'waiting_weeks'] as const;
type Field = (typeof FIELDS)[number];

export default function OfferUpkeep({ params, query }: PageProps) {
  // Just added (NewOffer): say so, and lead the care office back to its providers.
  const added = query.get('nieuw') === '1';
  const { me } = useSession();
  const enc = encodeURIComponent(params.id);
  const { data, error, reload } = useAsync(async () => {
    const [offer, changes, orgs, f, offices] = await Promise.all([
      get<Offer>(`/api/v1/offers/${enc}`),
      get<{ items: Change[] }>(`/api/v1/offers/${enc}/changes`).then((r) => r.items),
      getAll<Organisation>('/api/v1/organisations?limit=500').catch(() => [] as Organisation[]),
      features(),
      careOffices().catch(() => [] as { code: string; name: string }[]),
    ]);
    const location = await get<Location>(`/api/v1/locations/${encodeURIComponent(offer.location_id)}`).catch(
      () => null,
    );
    // A care-office region by its name ("Zorgkantoor Zuid-Limburg"), not its code (5531).
    const regionName = (code: string) =>
      offices.find((o) => o.code === code)?.name ?? t('upkeep.region_fallback', { code });
    return { offer, changes, orgs, features: f, location, regionName };
  }, [params.id]);
  const [values, setValues] = useState<Record<Field, string> | null>(null);
  const [invalid, setInvalid] = useState<Field | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const offer = data?.offer;
  const shown: Record<Field, string> | null =
    values ?? (offer ? { free_places: String(offer.free_places), waiting_people: String(offer.waiting_people), waiting_weeks: String(offer.waiting_weeks) } : null);

  const change = (v: PlacesValues) => {
    setValues(v as Record<Field, string>);
    setInvalid(null);
    setSaved(null);
  };

  const save = async () => {
    if (!offer || !shown) return;
    const body: Record<string, number> = {};
    const wrong = firstWrong(FIELDS, shown, offer.capacity);
    if (wrong) {
      setInvalid(wrong as Field);
      document.getElementById(`veld-${wrong}`)?.focus();
      return;
    }
    for (const f of FIELDS) if (Number(shown[f]) !== offer[f]) body[f] = Number(shown[f]);
    // Nothing changed: saving says the numbers are still right.
    const confirmed = Object.keys(body).length === 0;
    if (confirmed) body.free_places = offer.free_places;
    setBusy(true);
    setSaveError(null);
    try {
      await patch<Offer>(`/api/v1/offers/${enc}`, body);
      setValues(null);
      setSaved(t(confirmed ? 'upkeep.confirmed' : 'upkeep.saved'));
      reload();
    } catch (e) {
      setSaveError(e);
    } finally {
      setBusy(false);
    }
  };

  const office = me?.role === 'zorgkantoor';
  const region = me?.region ?? '';
  const [contractSaved, setContractSaved] = useState<string | null>(null);
  const [contractError, setContractError] = useState<unknown>(null);
  const setContract = async (inKind: boolean) => {
    setContractSaved(null);
    setContractError(null);
    try {
      await api<Offer>('PUT', `/api/v1/offers/${enc}/contracts/${encodeURIComponent(region)}`, {
        contract: inKind ? 'in_kind' : 'pgb_only',
      });
      setContractSaved(t(inKind ? 'upkeep.contract_in_kind_saved' : 'upkeep.contract_pgb_saved'));
      reload();
    } catch (e) {
      setContractError(e);
    }
  };
  const orgName = (id: string) => data?.orgs.find((o) => o.id === id)?.name ?? id;
  const who = (c: Change) => (c.user_id === me?.user_id ? t('upkeep.you') : orgName(c.organisation_id));

  return (
    <section class="offer-edit">
      <p>
        <a class="utrecht-link" href={office ? (added ? '/zorgkantoor/aanbieders' : '/zorgkantoor/verouderd') : '/aanbieder'}>
          {t(office ? (added ? 'newoffer.back_office' : 'upkeep.back_office') : 'upkeep.back')}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{offer ? offer.name : t('upkeep.title')}</h1>
      {added && (
        <p role="status" class="saved-status">
          {t('newoffer.added')}
        </p>
      )}
      {!data && <Loading error={error} />}
      {offer && shown && data && (
        <>
          <dl class="facts">
            <dt>{t('provider.kind')}</dt>
            <dd>{t(`kinds.${offer.kind}`)}</dd>
            {data.location && (
              <>
                <dt>{t('provider.location')}</dt>
                <dd>{data.location.name}</dd>
              </>
            )}
            <dt>{t('provider.capacity')}</dt>
            <dd>{offer.capacity}</dd>
            <dt>{t('upkeep.places_updated')}</dt>
            <dd>
              {offer.places_updated ? formatDate(offer.places_updated) : t('common.unknown')}
              {offer.maybe_outdated && <span class="badge-outdated"> {t('options.outdated')}</span>}
            </dd>
          </dl>
          {offer.maybe_outdated && (
            <div class="utrecht-alert utrecht-alert--warning">
              <div class="utrecht-alert__content">
                <p class="utrecht-paragraph">{t('upkeep.outdated_text')}</p>
              </div>
            </div>
          )}
          <form
            class="utrecht-form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <h2 class="utrecht-heading-2">{t('upkeep.now')}</h2>
            <PlacesFields
              fields={FIELDS}
              values={shown}
              capacity={offer.capacity}
              invalid={invalid}
              idPrefix="veld"
              onChange={change}
            />
            <p class="field-hint">{t('upkeep.confirm_hint')}</p>
            {saveError !== null && <Problem error={saveError} />}
            <div class="button-row">
              <button type="submit" class="utrecht-button utrecht-button--primary-action big" disabled={busy}>
                {t('upkeep.save')}
              </button>
            </div>
            <p role="status" class="saved-status">
              {saved}
            </p>
          </form>
          {office && (
            <section aria-labelledby="contract-titel">
              <h2 class="utrecht-heading-2" id="contract-titel">
                {t('upkeep.contract_title', { region: data.regionName(region) })}
              </h2>
              <p class="utrecht-paragraph">
                {offer.contracted_regions.includes(region) ? t('upkeep.contract_in_kind') : t('upkeep.contract_pgb')}
              </p>
              {contractError !== null && <Problem error={contractError} />}
              <button
                type="button"
                class="utrecht-button utrecht-button--secondary-action"
                onClick={() => void setContract(!offer.contracted_regions.includes(region))}
              >
                {offer.contracted_regions.includes(region) ? t('upkeep.contract_to_pgb') : t('upkeep.contract_to_in_kind')}
              </button>
              <p role="status">{contractSaved}</p>
            </section>
          )}
          <h2 class="utrecht-heading-2" id="geschiedenis">
            {t('upkeep.history')}
          </h2>
          {data.changes.length === 0 ? (
            <p class="utrecht-paragraph">{t('upkeep.no_history')}</p>
          ) : (
            <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="geschiedenis">
              <table class="utrecht-table utrecht-table--html-table history stack-table">
                <thead>
                  <tr>
                    <th scope="col">{t('upkeep.when')}</th>
                    <th scope="col">{t('upkeep.who')}</th>
                    <th scope="col">{t('upkeep.what')}</th>
                    <th scope="col">{t('upkeep.before')}</th>
                    <th scope="col">{t('upkeep.after')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...data.changes].reverse().map((c, i) => (
                    <tr key={i}>
                      <td>{formatDateTime(c.changed_at)}</td>
                      <td data-label={t('upkeep.who')}>{who(c)}</td>
                      <td data-label={t('upkeep.what')}>{fieldLabel(c.field, data.features, data.regionName)}</td>
                      <td data-label={t('upkeep.before')}>{valueText(c.field, c.old_value)}</td>
                      <td data-label={t('upkeep.after')}>{valueText(c.field, c.new_value)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}

// A value of the change log in words: a contract's "in_kind" / "pgb_only" as people say it.
function valueText(field: string, value: string): string {
  if (!value) return t('common.unknown');
  if (field.startsWith('contract.')) return t(`upkeep.contract_value.${value}`, { defaultValue: value });
  return value;
}

function fieldLabel(field: string, features: Feature[], regionName: (code: string) => string): string {
  if (field.startsWith('contract.'))
    return t('upkeep.field.contract', { region: regionName(field.slice('contract.'.length)) });
  if (field.startsWith('features.')) {
    const f = features.find((x) => x.id === field.slice('features.'.length));
    return t('upkeep.field.feature', { name: f ? featureLabel(f) : field.slice(9) });
  }
  return t(`upkeep.field.${field}`, { defaultValue: field });
}
