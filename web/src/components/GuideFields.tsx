// The fields of the guideline that the anonymous search (pages/Search.tsx) and the change of
// a dossier (pages/DossierEdit.tsx) share: one wish (how important, how much or how many)
// and one person or place nearby (who, what, where, how far, how important).
import type { ComponentChildren } from 'preact';
import { t } from '../i18n';
import { PLACE_KINDS } from '../refdata';
import type { Feature, Importance } from '../types';
import { Select } from './Fields';

export const IMPORTANCE: Importance[] = ['nice', 'important', 'must'];

const importanceOptions = () => IMPORTANCE.map((i) => ({ value: i, label: t(`importance.${i}`) }));

// The value a wish starts with when it is ticked: the highest level, or one (hour, day).
export const firstValue = (f: Feature | undefined) =>
  f?.kind === 'level' ? (f.level_max ?? 3) : f?.kind === 'number' ? 1 : undefined;

// What is asked about a ticked wish; the wish is changed in place, then onChange.
export function WishFields({
  id,
  wish,
  feature,
  label,
  onChange,
  children,
}: {
  id: string;
  wish: { importance: Importance; value?: number };
  feature?: Feature;
  label: string;
  onChange: () => void;
  children?: ComponentChildren;
}) {
  return (
    <div class="sub-choice">
      <Select
        id={`belang-${id}`}
        label={t('dossier.how_important', { what: label })}
        value={wish.importance}
        options={importanceOptions()}
        onChange={(v) => {
          wish.importance = v as Importance;
          onChange();
        }}
      />
      {feature?.kind === 'level' && (
        <Select
          id={`niveau-${id}`}
          label={t('search.domain.how_much')}
          value={String(Math.round(wish.value ?? feature.level_max ?? 3))}
          options={Array.from({ length: feature.level_max ?? 3 }, (_, i) => ({
            value: String(i + 1),
            label: t(`levels.${i + 1}`),
          }))}
          onChange={(v) => {
            wish.value = Number(v);
            onChange();
          }}
        />
      )}
      {feature?.kind === 'number' && (
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for={`getal-${id}`}>
            {feature.higher_is_better === false
              ? t('search.domain.at_most', { unit: feature.unit ?? '' })
              : t('search.domain.at_least', { unit: feature.unit ?? '' })}
          </label>
          <input
            id={`getal-${id}`}
            class="utrecht-textbox utrecht-textbox--html-input short"
            type="number"
            inputMode="numeric"
            min={0}
            max={168}
            value={wish.value ?? ''}
            onInput={(e) => {
              const n = Number((e.target as HTMLInputElement).value);
              wish.value = Number.isFinite(n) && n >= 0 ? n : undefined;
            }}
          />
        </div>
      )}
      {children}
    </div>
  );
}

export interface PlaceAnswer {
  label: string;
  kind: string;
  max_km: number;
  importance: Importance;
}

// One person or place that matters, number i (from 0); changed in place, then onChange.
// `where` is the municipality field: its value and choices differ between the search (a
// municipality always) and a dossier (an existing place may stay where it is).
export function PlaceFields({
  i,
  place,
  where,
  onChange,
  onRemove,
}: {
  i: number;
  place: PlaceAnswer;
  where: { value: string; options: { value: string; label: string }[]; onChange: (v: string) => void };
  onChange: () => void;
  onRemove: () => void;
}) {
  const set = (patch: Partial<PlaceAnswer>) => {
    Object.assign(place, patch);
    onChange();
  };
  return (
    <fieldset class="utrecht-form-fieldset place">
      <legend>{t('search.people.legend', { n: i + 1 })}</legend>
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for={`plek-${i}-wie`}>
          {t('search.people.who')}
        </label>
        <input
          id={`plek-${i}-wie`}
          class="utrecht-textbox utrecht-textbox--html-input"
          type="text"
          maxLength={80}
          value={place.label}
          onInput={(e) => (place.label = (e.target as HTMLInputElement).value)}
        />
      </div>
      <Select
        id={`plek-${i}-soort`}
        label={t('search.people.kind')}
        value={place.kind}
        options={PLACE_KINDS.map((k) => ({ value: k, label: t(`place_kinds.${k}`) }))}
        onChange={(v) => set({ kind: v })}
      />
      <Select id={`plek-${i}-waar`} label={t('search.people.where')} {...where} />
      <Select
        id={`plek-${i}-km`}
        label={t('search.people.max_km')}
        value={String(place.max_km)}
        options={[...new Set([2, 5, 10, 15, 25, 40, place.max_km])].sort((a, b) => a - b).map((k) => ({ value: String(k), label: t('common.km', { km: k }) }))}
        onChange={(v) => set({ max_km: Number(v) })}
      />
      <Select
        id={`plek-${i}-belang`}
        label={t('search.domain.how_important')}
        value={place.importance}
        options={importanceOptions()}
        onChange={(v) => set({ importance: v as Importance })}
      />
      <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={onRemove}>
        {t('search.people.remove', { n: i + 1 })}
      </button>
    </fieldset>
  );
}
