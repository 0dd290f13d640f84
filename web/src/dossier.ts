// A client's dossier over the API (docs/api.md, "The dossier"): read with its version (ETag),
// changed with If-Match on that version, the guideline (leidraad) as data, versions and
// their differences. The draft of a change lives here while the person goes through the
// steps; when someone else saved in between (412), the draft is laid over the new version,
// keeping what this person changed and taking the rest from the other's change.
import { apiWithHeaders, get } from './api';
import { lang } from './i18n';
import type { Client, Municipality, Place, Wish } from './types';

export type Need = Client['needs'][number];

export interface LeidraadFeature {
  id: string;
  label_nl: string;
  label_en: string;
}

export interface LeidraadQuestion {
  id: string;
  text_nl: string;
  text_en: string;
  features: LeidraadFeature[];
}

export interface LeidraadDomain {
  id: string;
  title_nl: string;
  title_en: string;
  intro_nl: string;
  intro_en: string;
  questions: LeidraadQuestion[];
}

export interface Leidraad {
  domains: LeidraadDomain[];
  unknown_answer: { nl: string; en: string };
}

export interface VersionHead {
  version: number;
  recorded_at: string | null;
  author: { id: string; name: string; role: string };
  reason: string;
}

export interface DiffAnswer {
  from: VersionHead;
  to: VersionHead;
  changes: { field: string; kind: 'added' | 'removed' | 'changed'; label_nl: string; before: string; after: string }[];
}

let leidraadOnce: Promise<Leidraad> | null = null;
export function leidraad(): Promise<Leidraad> {
  if (!leidraadOnce) {
    leidraadOnce = get<Leidraad>('/api/v1/leidraad');
    leidraadOnce.catch(() => (leidraadOnce = null));
  }
  return leidraadOnce;
}

export const inLang = (nl: string, en: string) => (lang() === 'en' ? en || nl : nl);

const clientPath = (id: string) => `/api/v1/clients/${encodeURIComponent(id)}`;

export async function readDossier(id: string): Promise<{ client: Client; version: string }> {
  const { data, etag } = await apiWithHeaders<Client>('GET', clientPath(id));
  return { client: data, version: etag ?? '' };
}

// Saves a change (a JSON Merge Patch: `wishes` and `needs` replace the whole list) made on
// `version`; a 412 means someone else saved in between.
export async function saveDossier(
  id: string,
  version: string,
  reason: string,
  change: { wishes: Wish[]; needs?: Need[]; places?: Place[] },
): Promise<{ client: Client; version: string }> {
  const { data, etag } = await apiWithHeaders<Client>(
    'PATCH',
    clientPath(id),
    { reason, patch: change },
    { 'If-Match': version },
  );
  return { client: data, version: etag ?? '' };
}

export const versionNumber = (etag: string): number => Number(etag.replace(/^W\//, '').replace(/"/g, ''));

export const versions = (id: string) =>
  get<{ items: VersionHead[] }>(`${clientPath(id)}/versions`).then((r) => r.items);

export const diff = (id: string, from: number, to: number) =>
  get<DiffAnswer>(`${clientPath(id)}/versions/${from}/diff/${to}`);

export const reportUrl = (id: string) => `${clientPath(id)}/verslag?format=html`;
export const formUrl = (id: string, offer: string, html = false) =>
  `${clientPath(id)}/aanmeldformulier?offer=${encodeURIComponent(offer)}${html ? '&format=html' : ''}`;

// A wish's identity in a dossier: its feature, or its words when it has none (the diff of
// the API matches them the same way).
export const wishKey = (w: Wish): string => (w.feature_id ? `f:${w.feature_id}` : `t:${(w.text ?? '').trim()}`);

function sameWish(a: Wish | undefined, b: Wish | undefined): boolean {
  if (!a || !b) return a === b;
  return (
    a.importance === b.importance &&
    (a.value ?? null) === (b.value ?? null) &&
    (a.text ?? '').trim() === (b.text ?? '').trim()
  );
}

// Three-way: what this person changed against the version they started from wins; what they
// left alone follows the newer version.
export function rebaseWishes(base: Wish[], mine: Wish[], theirs: Wish[]): Wish[] {
  const index = (list: Wish[]) => new Map(list.map((w) => [wishKey(w), w]));
  const b = index(base);
  const m = index(mine);
  const th = index(theirs);
  const keys = [...new Set([...th.keys(), ...m.keys(), ...b.keys()])];
  const out: Wish[] = [];
  for (const k of keys) {
    const changedByMe = !sameWish(b.get(k), m.get(k));
    const pick = changedByMe ? m.get(k) : th.get(k);
    if (pick) out.push(pick);
  }
  return out;
}

// Needs the same way, by feature.
export function rebaseNeeds(base: Need[], mine: Need[], theirs: Need[]): Need[] {
  const index = (list: Need[]) => new Map(list.map((n) => [n.feature_id, n]));
  const b = index(base);
  const m = index(mine);
  const th = index(theirs);
  const same = (x?: Need, y?: Need) => (!x || !y ? x === y : (x.note ?? '') === (y.note ?? ''));
  const out: Need[] = [];
  for (const k of new Set([...th.keys(), ...m.keys(), ...b.keys()])) {
    const pick = same(b.get(k), m.get(k)) ? th.get(k) : m.get(k);
    if (pick) out.push(pick);
  }
  return out;
}

// A place in the draft: moveTo is a municipality whose centre becomes its position (Passend
// asks no addresses); without it an existing place stays where it is.
export type DraftPlace = Omit<Place, 'position'> & { position?: Place['position']; moveTo?: string };

const placeKey = (p: DraftPlace) => `${p.kind}:${p.label.trim()}`;

export function rebasePlaces(base: Place[], mine: DraftPlace[], theirs: Place[]): DraftPlace[] {
  const index = (list: DraftPlace[]) => new Map(list.map((p) => [placeKey(p), p]));
  const b = index(base);
  const m = index(mine);
  const th = index(theirs);
  const same = (x?: DraftPlace, y?: DraftPlace) =>
    !x || !y ? x === y : x.max_km === y.max_km && x.importance === y.importance && !y.moveTo && !x.moveTo;
  const out: DraftPlace[] = [];
  for (const k of new Set([...th.keys(), ...m.keys(), ...b.keys()])) {
    const pick = same(b.get(k), m.get(k)) ? th.get(k) : m.get(k);
    if (pick) out.push(pick);
  }
  return out;
}

// The places as the API takes them; null when a new place has no municipality yet.
export function cleanPlaces(list: DraftPlace[], municipalities: Municipality[]): Place[] | null {
  const out: Place[] = [];
  for (const p of list) {
    if (!p.label.trim()) continue;
    const m = p.moveTo ? municipalities.find((x) => x.code === p.moveTo) : undefined;
    if (p.moveTo && !m) return null;
    const position = m ? m.centroid : p.position;
    if (!position) return null;
    out.push({ kind: p.kind, label: p.label.trim(), position, max_km: p.max_km, importance: p.importance });
  }
  return out;
}

const placeFacts = (p: Place) => [p.kind, p.label, p.position.lat, p.position.lon, p.max_km, p.importance];
export const samePlaces = (a: Place[], b: Place[]) =>
  JSON.stringify(a.map(placeFacts)) === JSON.stringify(b.map(placeFacts));

export const sameNeeds = (a: Need[], b: Need[]) =>
  a.length === b.length && a.every((n) => b.some((m) => m.feature_id === n.feature_id && (m.note ?? '') === (n.note ?? '')));

// The draft of a change to one dossier, kept while the person goes from step to step.
export interface Draft {
  clientId: string;
  base: Client; // the version the change is made on
  version: string; // its ETag
  wishes: Wish[];
  needs: Need[]; // changed only by professionals (a client supporter)
  places: DraftPlace[];
}

const drafts = new Map<string, Draft>();

export function getDraft(id: string): Draft | undefined {
  return drafts.get(id);
}

export function startDraft(id: string, client: Client, version: string): Draft {
  const d: Draft = {
    clientId: id,
    base: client,
    version,
    wishes: client.wishes.map((w) => ({ ...w })),
    needs: client.needs.map((n) => ({ ...n })),
    places: client.places.map((p) => ({ ...p })),
  };
  drafts.set(id, d);
  return d;
}

export function dropDraft(id: string): void {
  drafts.delete(id);
}

// The wish for a feature in the draft, if chosen.
export const draftWish = (d: Draft, feature: string) => d.wishes.find((w) => w.feature_id === feature);

export function setDraftWish(d: Draft, feature: string, wish: Wish | null): void {
  const i = d.wishes.findIndex((w) => w.feature_id === feature);
  if (wish === null) {
    if (i >= 0) d.wishes.splice(i, 1);
  } else if (i >= 0) d.wishes[i] = wish;
  else d.wishes.push(wish);
}

// What the API should receive: empty words and values left out.
export function cleanWishes(list: Wish[]): Wish[] {
  return list
    .filter((w) => w.feature_id || (w.text ?? '').trim())
    .map((w) => {
      const out: Wish = { importance: w.importance, text: (w.text ?? '').trim() };
      if (w.feature_id) out.feature_id = w.feature_id;
      if (w.value !== undefined && w.value !== null && Number.isFinite(w.value)) out.value = w.value;
      return out;
    });
}
