// The shapes of the API's answers the app reads (docs/api.md, /api/v1/openapi.json).
export type Role =
  | 'client'
  | 'representative'
  | 'oco'
  | 'wijkteam'
  | 'ciz'
  | 'zorgkantoor'
  | 'provider'
  | 'researcher'
  | 'admin';

export interface Me {
  user_id: string;
  display_name: string;
  role: Role;
  role_label: string;
  organisation_id: string;
  provider_id: string;
  region: string;
  client_ids: string[];
  csrf_token: string | null;
}

export interface Feature {
  id: string;
  domain: string;
  kind: 'yes_no' | 'level' | 'number';
  label_nl: string;
  label_en: string;
  level_max?: number;
  higher_is_better?: boolean;
  unit?: string;
}

export interface CareProfile {
  code: string;
  sector: string;
  name_nl: string;
  pgb_possible: boolean;
}

export interface LatLon {
  lat: number;
  lon: number;
}

export interface Municipality {
  code: string;
  name: string;
  centroid: LatLon;
  zorgkantoor_code: string;
  zorgkantoor_name: string;
}

export type Importance = 'must' | 'important' | 'nice';

export interface Wish {
  feature_id?: string;
  importance: Importance;
  value?: number;
  text?: string;
}

export interface Place {
  kind: string;
  label: string;
  position: LatLon;
  max_km: number;
  importance: Importance;
}

export interface Situation {
  municipality_code: string;
  profile?: string;
  home?: LatLon;
  seeking: string[];
  wishes: Wish[];
  places: Place[];
}

export interface Client {
  id: string;
  name: string;
  birth_year?: number;
  municipality_code: string;
  home: LatLon;
  profile: string;
  sector: string;
  indication: string;
  seeking: string[];
  wishes: Wish[];
  needs: { feature_id: string; note?: string }[];
  places: Place[];
}

export interface Part {
  offer_id: string;
  offer_name: string;
  kind: string;
  provider_id: string;
  provider_name: string;
  location_name: string;
  municipality_code: string;
  profile_accepted: boolean;
  contracting: string;
  pgb_needed: boolean;
  contracting_reason: string;
  wait_weeks: number;
  free_places: number;
  within_service_area: boolean;
  temporary?: boolean;
  possible_forms: string[];
  quality: QualityNote[];
  travel_km?: number;
  home_km?: number; // a home: from the client's current home
  last_updated?: string;
  maybe_outdated?: boolean;
}

// A review score (with its count) or an inspection result, always with source and date.
export interface QualityNote {
  kind: 'reviews' | 'inspection';
  source: string;
  measured: string; // "2026-03-14"
  score?: number;
  reviews?: number;
  outcome?: 'meets' | 'partly_meets' | 'does_not_meet' | 'enhanced_supervision';
  link?: string;
  text?: string;
  used_in_ranking?: boolean;
}

export interface WishOutcome {
  wish: number;
  feature_id: string;
  label: string;
  importance: Importance;
  status: string;
  reason: string;
  met_by?: string;
}

export interface NeedOutcome {
  feature_id: string;
  label: string;
  status: string;
  reason: string;
}

export interface PlaceOutcome {
  label: string;
  kind: string;
  distance_km: number;
  max_km: number;
  within: boolean;
}

export interface Explanation {
  parts: Part[];
  wishes: WishOutcome[];
  needs: NeedOutcome[];
  places: PlaceOutcome[];
  summary: string[];
}

export interface RankedOffer {
  offer_id: string;
  score: number;
  unmet: number;
  explanation: Explanation;
}

export interface RankedArrangement {
  offer_ids: string[];
  score: number;
  unmet: number;
  explanation: Explanation;
}

export interface MismatchItem {
  kind: string;
  key: string;
  label: string;
  importance: Importance;
  status: string;
  nearest: { offer_id: string; offer_name: string; distance_km: number; wait_weeks: number } | null;
  reachable_yes?: boolean;
  reachable_not_stating?: number;
}

export interface MatchAnswer {
  client_id: string;
  offers: RankedOffer[];
  mismatch: { best_offer_id: string; items: MismatchItem[]; free_text_wishes: string[] };
  arrangements?: RankedArrangement[];
}

export interface Offer {
  id: string;
  name: string;
  kind: string;
  provider_id: string;
  location_id: string;
  capacity: number;
  free_places: number;
  waiting_people: number;
  waiting_weeks: number;
  contracted_regions: string[];
  delivery_forms: string[];
  profiles: string[];
  sectors: string[];
  quality: QualityNote[];
  description?: string;
  places_updated?: string;
  details_updated?: string;
  last_updated?: string;
  maybe_outdated?: boolean;
}

export interface Location {
  id: string;
  name: string;
  address: string;
  municipality_code: string;
  position: LatLon;
  provider_id: string;
}

export interface Provider {
  id: string;
  name: string;
  website?: string;
  established?: boolean;
  agb_code?: string;
  kvk_number?: string;
  ura_number?: string;
  register_status?: 'submitted' | 'approved' | 'suspended';
}

export interface Organisation {
  id: string;
  name: string;
  kind: Role;
  provider_id: string;
  region: string;
}

// An account (GET /api/v1/users): a client or representative is tied to client records,
// every other role to an organisation of its kind.
export interface User {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  organisation_id: string;
  client_ids: string[];
  active: boolean;
  created_at: string;
}

export interface Consent {
  id: string;
  client_id: string;
  organisation_ids: string[];
  purpose: 'registration' | 'client_support' | 'indication' | 'care_delivery' | 'research';
  granted_at: string;
  granted_by: string;
  valid_until: string | null;
  withdrawn_at: string | null;
  valid_now: boolean;
}

export interface AuditEntry {
  seq: number;
  ts: string;
  user_id: string;
  role: Role;
  organisation_id: string;
  client_id: string;
  resource: string;
  action: string;
  reason: string;
  redacted: boolean;
  outcome?: 'allowed' | 'denied'; // denied: an attempt the access rules refused
}

// Counts of fewer clients than min_clients are null (left out).
export interface Supply {
  offers: number;
  free_places: number;
  median_wait_weeks: number;
}

export interface MismatchArea {
  code: string;
  name: string;
  clients: number | null;
  clients_with_mismatch: number | null;
  clients_with_must_gap?: number | null;
  per_wish: Record<string, { clients: number; share: number; clients_must?: number | null }>;
  supply?: Supply;
}

export interface MismatchMap {
  region: string;
  scope: string;
  clients: number | null;
  clients_with_mismatch: number | null;
  clients_with_must_gap?: number | null;
  clients_without_offer: number | null;
  clients_invalid: number | null;
  min_clients: number;
  per_wish: Record<
    string,
    { label: string; clients: number; share: number; clients_must?: number | null; supply?: Supply }
  >;
  unchangeable?: Record<string, { label: string; clients: number; share: number }>;
  municipalities: MismatchArea[];
  kinds?: MismatchArea[];
  profiles?: MismatchArea[];
  free_texts: { text: string; clients: number }[];
}

// GET /api/v1/mismatch/trend?region=: the kept moments of the map, oldest first; every list
// in per_wish has one entry per moment (null: fewer clients than may be shown, or no
// shortfall then).
export interface MismatchTrend {
  region: string;
  moments: {
    taken_at: string;
    clients: number | null;
    clients_with_mismatch: number | null;
    clients_with_must_gap: number | null;
  }[];
  per_wish: { key: string; label: string; clients: (number | null)[]; clients_must: (number | null)[] }[];
}
