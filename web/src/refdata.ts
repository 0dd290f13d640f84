// The public reference lists, fetched once per visit and shared by every page.
import { get } from './api';
import { lang } from './i18n';
import type { CareProfile, Feature, Municipality } from './types';

const cache = new Map<string, Promise<unknown>>();

function once<T>(path: string): Promise<T> {
  let p = cache.get(path) as Promise<T> | undefined;
  if (!p) {
    p = get<{ items: T }>(path).then((r) => r.items);
    // A failure is not remembered: the next page may try again.
    p.catch(() => cache.delete(path));
    cache.set(path, p);
  }
  return p;
}

export const features = () => once<Feature[]>('/api/v1/kenmerken');
export const careProfiles = () => once<CareProfile[]>('/api/v1/zorgprofielen');
export const municipalities = () => once<Municipality[]>('/api/v1/gemeenten');
export const careOffices = () => once<{ code: string; name: string }[]>('/api/v1/zorgkantoren');

export const featureLabel = (f: Feature): string => (lang() === 'en' ? f.label_en : f.label_nl);

// The life domains in the order a person talks about their life (the guideline's steps).
export const DOMAINS = [
  'wonen',
  'dagbesteding_werk',
  'sociaal_netwerk',
  'zelfzorg',
  'gezondheid_zorg',
  'veiligheid',
  'vrije_tijd_zingeving',
  'financien',
] as const;

export const KINDS = ['wonen', 'dagbesteding', 'logeren', 'zorg_thuis'] as const;
export const PLACE_KINDS = ['familie', 'werk', 'dagbesteding', 'club', 'kerk', 'anders'] as const;

export function byCode(list: Municipality[]): Map<string, Municipality> {
  return new Map(list.map((m) => [m.code, m]));
}
