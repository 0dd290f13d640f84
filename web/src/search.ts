// The anonymous search's answers: kept in memory for this visit only (nothing is sent
// until the person asks for options, and nothing is stored by the server).
import type { Importance, Municipality, Situation } from './types';

export interface WishChoice {
  importance: Importance;
  value?: number;
}

export interface PlaceChoice {
  label: string;
  kind: string;
  municipality_code: string;
  max_km: number;
  importance: Importance;
}

export interface Answers {
  municipality_code: string;
  profile: string; // '' : not known yet
  seeking: string[];
  wishes: Record<string, WishChoice>; // by feature id
  texts: Record<string, string>; // own words, by life domain
  places: PlaceChoice[];
  skipped: string[]; // steps answered with "weet ik nog niet"
}

export const answers: Answers = {
  municipality_code: '',
  profile: '',
  seeking: [],
  wishes: {},
  texts: {},
  places: [],
  skipped: [],
};

export function resetAnswers(): void {
  Object.assign(answers, {
    municipality_code: '',
    profile: '',
    seeking: [],
    wishes: {},
    texts: {},
    places: [],
    skipped: [],
  });
}

// The body of POST /api/v1/zoeken (docs/api.md). Places sit at their municipality's centre:
// Passend asks no addresses.
export function toSituation(a: Answers, places: Map<string, Municipality>): Situation {
  const wishes: Situation['wishes'] = Object.entries(a.wishes).map(([feature_id, w]) =>
    w.value === undefined
      ? { feature_id, importance: w.importance }
      : { feature_id, importance: w.importance, value: w.value },
  );
  for (const text of Object.values(a.texts)) {
    if (text.trim()) wishes.push({ importance: 'important', text: text.trim() });
  }
  const situation: Situation = {
    municipality_code: a.municipality_code,
    seeking: a.seeking,
    wishes,
    places: a.places
      .filter((p) => p.label.trim() && places.has(p.municipality_code))
      .map((p) => ({
        kind: p.kind,
        label: p.label.trim(),
        position: places.get(p.municipality_code)!.centroid,
        max_km: p.max_km,
        importance: p.importance,
      })),
  };
  if (a.profile) situation.profile = a.profile;
  return situation;
}
