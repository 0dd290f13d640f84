// A new offer (POST /api/v1/offers): the provider adds one of its own at one of its
// locations, the care office one for a provider at a location in its region
// (/zorgkantoor/aanbod/nieuw?aanbieder=ID). The numbers are the upkeep page's fields; every
// mistake, ours or the API's (400 with its field, 403 provider_id or location_id, 409 on the
// id), is said in Dutch at its field. After saving: the new offer's own page, which says
// it was added.
import { useState } from 'preact/hooks';
import { ApiError, get, getAll, post } from '../api';
import { t } from '../i18n';
import { careProfiles, features, featureLabel, KINDS, municipalities } from '../refdata';
import { navigate } from '../router';
import type { PageProps } from '../routes';
import { useSession } from '../session';
import type { Location, Offer, Provider } from '../types';
import { useAsync } from '../useAsync';
import { Choice, RadioGroup, Select, TextField } from '../components/Fields';
import { Loading } from '../components/Loading';
import { PlacesFields, firstWrong, type PlacesValues } from '../components/PlacesFields';
import { Problem } from '../components/Problem';

const SECTORS = ['VV', 'VG', 'LG', 'LVG', 'ZGaud', 'ZGvis', 'GGZ-B', 'GGZ-W'] as const;
const FORMS = ['verblijf', 'vpt', 'mpt', 'pgb'] as const;
const NUMBERS = ['capacity', 'free_places', 'waiting_people', 'waiting_weeks'] as const;

interface Draft {
  kind: string;
  name: string;
  location_id: string;
  description: string;
  sectors: string[];
  profiles: string[];
  delivery_forms: string[];
  numbers: PlacesValues;
  intake_contact: string;
  temporary: boolean;
  features: Record<string, '' | '1' | '0'>; // '' not known
}

const empty: Draft = {
  kind: 'wonen',
  name: '',
  location_id: '',
  description: '',
  sectors: [],
  profiles: [],
  delivery_forms: [],
  numbers: { capacity: '', free_places: '0', waiting_people: '0', waiting_weeks: '0' },
  intake_contact: '',
  temporary: false,
  features: {},
};

const toggle = (list: string[], v: string, on: boolean) => (on ? [...list, v] : list.filter((x) => x !== v));

export default function NewOffer({ query }: PageProps) {
  const { me } = useSession();
  const office = me?.role === 'zorgkantoor';
  const providerId = office ? (query.get('aanbieder') ?? '') : (me?.provider_id ?? '');
  const { data, error } = useAsync(async () => {
    const enc = encodeURIComponent(providerId);
    const [provider, locations, profiles, f, gm] = await Promise.all([
      get<Provider>(`/api/v1/providers/${enc}`),
      getAll<Location>(`/api/v1/locations?provider=${enc}&limit=500`),
      careProfiles(),
      features(),
      municipalities(),
    ]);
    // The care office adds offers at locations in its own region only.
    const region = new Map(gm.map((m) => [m.code, m.zorgkantoor_code]));
    const usable = office ? locations.filter((l) => region.get(l.municipality_code) === me?.region) : locations;
    return { provider, locations: usable, profiles, features: f.filter((x) => x.kind === 'yes_no') };
  }, [providerId]);
  const [draft, setDraft] = useState<Draft>(empty);
  const [invalid, setInvalid] = useState<{ field: string; text: string } | null>(null);
  const [failed, setFailed] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const edit = (part: Partial<Draft>) => {
    setDraft({ ...draft, ...part });
    setInvalid(null);
  };
  const mark = (field: string, text: string) => {
    setInvalid({ field, text });
    requestAnimationFrame(() => document.getElementById(`nieuw-${field}`)?.focus());
  };
  const location = draft.location_id || data?.locations[0]?.id || '';

  const save = async () => {
    if (!draft.name.trim()) return mark('name', t('newoffer.name_missing'));
    if (draft.sectors.length === 0) return mark('sectors', t('newoffer.sectors_missing'));
    if (draft.delivery_forms.length === 0) return mark('delivery_forms', t('newoffer.forms_missing'));
    const wrong = firstWrong(NUMBERS, draft.numbers);
    if (wrong) {
      setInvalid({ field: wrong, text: '' });
      document.getElementById(`nieuw-${wrong}`)?.focus();
      return;
    }
    const body = {
      provider_id: providerId,
      location_id: location,
      kind: draft.kind,
      name: draft.name.trim(),
      description: draft.description.trim(),
      sectors: draft.sectors,
      profiles: draft.profiles,
      delivery_forms: draft.delivery_forms,
      capacity: Number(draft.numbers.capacity),
      free_places: Number(draft.numbers.free_places),
      waiting_people: Number(draft.numbers.waiting_people),
      waiting_weeks: Number(draft.numbers.waiting_weeks),
      contracted_regions: [],
      intake_contact: draft.intake_contact.trim(),
      temporary: draft.temporary,
      features: Object.entries(draft.features)
        .filter(([, v]) => v !== '')
        .map(([feature_id, v]) => ({ feature_id, value: Number(v) })),
    };
    setBusy(true);
    setFailed(null);
    try {
      const made = await post<Offer>('/api/v1/offers', body);
      navigate(`${office ? '/zorgkantoor' : '/aanbieder'}/aanbod/${encodeURIComponent(made.id)}?nieuw=1`);
    } catch (e) {
      setFailed(e);
      // The API names the field: the mistake is said there too ("features[2].value" is the
      // features, "profiles[0]" the profiles).
      if (e instanceof ApiError && e.field) {
        const field = e.field.split(/[.[]/)[0];
        if (document.getElementById(`nieuw-${field}`)) mark(field, e.detail ?? t(`errors.${e.code}.title`));
      }
    } finally {
      setBusy(false);
    }
  };

  const err = (field: string) => (invalid?.field === field ? invalid.text : undefined);
  const back = office ? '/zorgkantoor/aanbieders' : '/aanbieder';
  const groupError = (field: string) =>
    err(field) && (
      <p class="utrecht-form-field-error-message" id={`nieuw-${field}-error`}>
        {err(field)}
      </p>
    );

  return (
    <section class="offer-edit">
      <p>
        <a class="utrecht-link" href={back}>
          {t(office ? 'newoffer.back_office' : 'upkeep.back')}
        </a>
      </p>
      <h1 class="utrecht-heading-1">
        {data && office ? t('newoffer.title_for', { name: data.provider.name }) : t('newoffer.title')}
      </h1>
      {!data && <Loading error={error} />}
      {data && data.locations.length === 0 && <p class="utrecht-paragraph">{t('newoffer.no_locations')}</p>}
      {data && data.locations.length > 0 && (
        <form
          class="utrecht-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <p class="utrecht-paragraph">{t('newoffer.intro')}</p>
          <RadioGroup
            id="nieuw-kind"
            label={t('newoffer.kind')}
            value={draft.kind}
            error={err('kind')}
            options={KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
            onChange={(v) => edit({ kind: v })}
          />
          <TextField
            id="nieuw-name"
            label={t('newoffer.name')}
            hint={t('newoffer.name_hint')}
            value={draft.name}
            error={err('name')}
            onInput={(v) => edit({ name: v })}
          />
          <Select
            id="nieuw-location_id"
            label={t('provider.location')}
            value={location}
            error={err('location_id')}
            options={data.locations.map((l) => ({ value: l.id, label: `${l.name}, ${l.address}` }))}
            onChange={(v) => edit({ location_id: v })}
          />
          <div class={`utrecht-form-field${err('description') ? ' utrecht-form-field--invalid' : ''}`}>
            <label class="utrecht-form-label" for="nieuw-description">
              {t('upkeep.field.description')}
            </label>
            <p class="field-hint" id="nieuw-description-hint">
              {t('newoffer.description_hint')}
            </p>
            {groupError('description')}
            <textarea
              id="nieuw-description"
              class="utrecht-textarea utrecht-textarea--html-textarea"
              rows={4}
              maxLength={2000}
              aria-describedby={err('description') ? 'nieuw-description-hint nieuw-description-error' : 'nieuw-description-hint'}
              aria-invalid={err('description') ? true : undefined}
              value={draft.description}
              onInput={(e) => edit({ description: (e.target as HTMLTextAreaElement).value })}
            />
          </div>
          <fieldset
            class="utrecht-form-fieldset"
            id="nieuw-sectors"
            tabIndex={-1}
            aria-describedby={err('sectors') ? 'nieuw-sectors-error' : undefined}
          >
            <legend class="utrecht-form-fieldset__legend">{t('newoffer.sectors')}</legend>
            {groupError('sectors')}
            {SECTORS.map((s) => (
              <Choice
                key={s}
                type="checkbox"
                id={`nieuw-sector-${s}`}
                label={t(`sectors.${s}`)}
                checked={draft.sectors.includes(s)}
                onChange={(on) =>
                  edit({
                    sectors: toggle(draft.sectors, s, on),
                    profiles: on ? draft.profiles : draft.profiles.filter((p) => data.profiles.find((x) => x.code === p)?.sector !== s),
                  })
                }
              />
            ))}
          </fieldset>
          {draft.sectors.length > 0 && (
            <fieldset
              class="utrecht-form-fieldset"
              id="nieuw-profiles"
              tabIndex={-1}
              aria-describedby={err('profiles') ? 'nieuw-profiles-hint nieuw-profiles-error' : 'nieuw-profiles-hint'}
            >
              <legend class="utrecht-form-fieldset__legend">{t('upkeep.field.profiles')}</legend>
              <p class="field-hint" id="nieuw-profiles-hint">
                {t('newoffer.profiles_hint')}
              </p>
              {groupError('profiles')}
              {data.profiles
                .filter((p) => draft.sectors.includes(p.sector))
                .map((p) => (
                  <Choice
                    key={p.code}
                    type="checkbox"
                    id={`nieuw-profile-${p.code}`}
                    label={`${p.code}: ${p.name_nl}`}
                    checked={draft.profiles.includes(p.code)}
                    onChange={(on) => edit({ profiles: toggle(draft.profiles, p.code, on) })}
                  />
                ))}
            </fieldset>
          )}
          <fieldset
            class="utrecht-form-fieldset"
            id="nieuw-delivery_forms"
            tabIndex={-1}
            aria-describedby={err('delivery_forms') ? 'nieuw-delivery_forms-error' : undefined}
          >
            <legend class="utrecht-form-fieldset__legend">{t('upkeep.field.delivery_forms')}</legend>
            {groupError('delivery_forms')}
            {FORMS.map((f) => (
              <Choice
                key={f}
                type="checkbox"
                id={`nieuw-form-${f}`}
                label={t(`forms.${f}`)}
                checked={draft.delivery_forms.includes(f)}
                onChange={(on) => edit({ delivery_forms: toggle(draft.delivery_forms, f, on) })}
              />
            ))}
          </fieldset>
          <h2 class="utrecht-heading-2">{t('newoffer.places')}</h2>
          <PlacesFields
            fields={NUMBERS}
            values={draft.numbers}
            invalid={invalid?.field ?? null}
            invalidText={invalid?.text || undefined}
            idPrefix="nieuw"
            onChange={(numbers) => edit({ numbers })}
          />
          <TextField
            id="nieuw-intake_contact"
            label={t('upkeep.field.intake_contact')}
            hint={t('newoffer.intake_hint')}
            value={draft.intake_contact}
            error={err('intake_contact')}
            onInput={(v) => edit({ intake_contact: v })}
          />
          <Choice
            type="checkbox"
            id="nieuw-temporary"
            label={t('newoffer.temporary')}
            hint={t('newoffer.temporary_hint')}
            checked={draft.temporary}
            onChange={(on) => edit({ temporary: on })}
          />
          <details class="more-features" id="nieuw-features" tabIndex={-1} open={invalid?.field === 'features'}>
            <summary>{t('newoffer.features')}</summary>
            <p class="field-hint">{t('newoffer.features_hint')}</p>
            {groupError('features')}
            {data.features.map((f) => (
              <Select
                key={f.id}
                id={`nieuw-feature-${f.id}`}
                label={featureLabel(f)}
                value={draft.features[f.id] ?? ''}
                options={[
                  { value: '', label: t('newoffer.not_known') },
                  { value: '1', label: t('common.yes') },
                  { value: '0', label: t('common.no') },
                ]}
                onChange={(v) => edit({ features: { ...draft.features, [f.id]: v as '' | '1' | '0' } })}
              />
            ))}
          </details>
          {failed !== null && <Problem error={failed} />}
          <div class="button-row">
            <button type="submit" class="utrecht-button utrecht-button--primary-action big" disabled={busy}>
              {t('newoffer.save')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
