// The numbers a provider keeps current (places, people waiting, the wait), each a short
// field with − and + beside it and its mistake said in words. One form for keeping an offer
// current (OfferUpkeep) and for adding a new one (NewOffer).
import { t } from '../i18n';
import { TextField } from './Fields';

export type PlacesField = 'capacity' | 'free_places' | 'waiting_people' | 'waiting_weeks';
export type PlacesValues = Partial<Record<PlacesField, string>>;

// The capacity the free places may not exceed: the one typed in, else the offer's.
const ceiling = (values: PlacesValues, capacity?: number) =>
  values.capacity !== undefined ? Number(values.capacity) || 0 : (capacity ?? Infinity);

// The first field whose value is no whole number of 0 or more (free places: at most the
// capacity), or null when all are right.
export function firstWrong(fields: readonly PlacesField[], values: PlacesValues, capacity?: number): PlacesField | null {
  for (const f of fields) {
    const v = values[f] ?? '';
    const n = Number(v);
    if (v.trim() === '' || !Number.isInteger(n) || n < 0) return f;
    if (f === 'free_places' && n > ceiling(values, capacity)) return f;
  }
  return null;
}

export function PlacesFields(props: {
  fields: readonly PlacesField[];
  values: PlacesValues;
  capacity?: number; // the offer's, when capacity is not one of the fields
  invalid: string | null; // a field's name
  invalidText?: string; // the server's words for it, else ours
  idPrefix: string;
  onChange: (values: PlacesValues) => void;
}) {
  const { values } = props;
  const max = ceiling(values, props.capacity);
  const step = (f: PlacesField, by: number) => {
    const n = Math.max(0, (Number(values[f]) || 0) + by);
    props.onChange({ ...values, [f]: String(f === 'free_places' ? Math.min(n, max) : n) });
  };
  const wrong = (f: PlacesField) =>
    props.invalidText ??
    (f === 'free_places' && Number.isFinite(max)
      ? t('upkeep.free_wrong', { capacity: max })
      : t('upkeep.number_wrong'));
  return (
    <>
      {props.fields.map((f) => (
        <TextField
          numeric
          maxLength={5}
          key={f}
          id={`${props.idPrefix}-${f}`}
          label={t(`upkeep.field.${f}`)}
          hint={f === 'free_places' && Number.isFinite(max) ? t('upkeep.free_hint', { capacity: max }) : undefined}
          error={props.invalid === f ? wrong(f) : undefined}
          value={values[f] ?? ''}
          onInput={(v) => props.onChange({ ...values, [f]: v })}
          onStep={(by) => step(f, by)}
        />
      ))}
    </>
  );
}
