// Turning a match answer into what the option pages show: single offers and arrangements
// as one kind of "option", and where each offer is (for the map).
import { get } from './api';
import type {
  Explanation,
  LatLon,
  Location,
  MatchAnswer,
  Offer,
} from './types';

export interface OptionItem {
  key: string; // stable: the offer id, or the offer ids joined
  arrangement: boolean;
  offerIds: string[];
  score: number;
  unmet: number;
  explanation: Explanation;
}

export function optionsOf(answer: MatchAnswer): { single: OptionItem[]; combined: OptionItem[] } {
  return {
    single: answer.offers.map((o) => ({
      key: o.offer_id,
      arrangement: false,
      offerIds: [o.offer_id],
      score: o.score,
      unmet: o.unmet,
      explanation: o.explanation,
    })),
    combined: (answer.arrangements ?? []).map((a) => ({
      key: a.offer_ids.join('+'),
      arrangement: true,
      offerIds: a.offer_ids,
      score: a.score,
      unmet: a.unmet,
      explanation: a.explanation,
    })),
  };
}

export type Fit = 'good' | 'some' | 'poor';

// In words: "past goed" only when nothing that must be there is missing and the score is high.
export function fitOf(o: { score: number; unmet: number }): Fit {
  if (o.unmet > 0) return 'poor';
  return o.score >= 80 ? 'good' : 'some';
}

const offerCache = new Map<string, Promise<Offer>>();
const locationCache = new Map<string, Promise<Location>>();

function offer(id: string): Promise<Offer> {
  let p = offerCache.get(id);
  if (!p) {
    p = get<Offer>(`/api/v1/offers/${encodeURIComponent(id)}`);
    offerCache.set(id, p);
  }
  return p;
}

function location(id: string): Promise<Location> {
  let p = locationCache.get(id);
  if (!p) {
    p = get<Location>(`/api/v1/locations/${encodeURIComponent(id)}`);
    locationCache.set(id, p);
  }
  return p;
}

// Where each offer is delivered from: its location (the catalogue is public).
export async function positionsOf(offerIds: string[]): Promise<Map<string, LatLon>> {
  const out = new Map<string, LatLon>();
  await Promise.all(
    [...new Set(offerIds)].map(async (id) => {
      try {
        const o = await offer(id);
        const l = await location(o.location_id);
        out.set(id, l.position);
      } catch {
        /* an offer that cannot be placed is left off the map, not the list */
      }
    }),
  );
  return out;
}
