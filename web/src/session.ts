// Who is logged in, for the whole app. The session itself is the API's HttpOnly cookie;
// this keeps the answer of /auth/me (role, clients, CSRF token) in memory. A flag in
// sessionStorage says whether asking /auth/me on a fresh load is worth it, so an anonymous
// visitor never sees a 401.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, get, post, setCsrfToken, setUnauthenticatedHandler } from './api';
import type { Me } from './types';

const FLAG = 'passend.ingelogd';
let current: Me | null = null;
let loaded = false;
const listeners = new Set<() => void>();

function set(me: Me | null): void {
  current = me;
  loaded = true;
  setCsrfToken(me?.csrf_token ?? null);
  try {
    if (me) sessionStorage.setItem(FLAG, '1');
    else sessionStorage.removeItem(FLAG);
  } catch {
    /* storage refused: the flag only saves a request */
  }
  listeners.forEach((fn) => fn());
}

setUnauthenticatedHandler(() => set(null));

export async function loadSession(): Promise<void> {
  let hint = false;
  try {
    hint = sessionStorage.getItem(FLAG) === '1';
  } catch {
    hint = false;
  }
  if (!hint) {
    set(null);
    return;
  }
  try {
    set(await get<Me>('/api/v1/auth/me'));
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) set(null);
    else {
      loaded = true;
      listeners.forEach((fn) => fn());
    }
  }
}

export async function login(email: string, password: string): Promise<Me> {
  const me = await post<Me>('/api/v1/auth/login', { email, password });
  set(me);
  return me;
}

// A request that logged in by itself (the self-service registration) hands over its answer.
export function signedIn(me: Me): void {
  set(me);
}

export async function logout(): Promise<void> {
  try {
    await post('/api/v1/auth/logout');
  } finally {
    set(null);
  }
}

export const session = (): Me | null => current;

export function useSession(): { me: Me | null; loaded: boolean } {
  const [, force] = useState(0);
  useEffect(() => {
    const fn = () => force((n) => n + 1);
    listeners.add(fn);
    return () => void listeners.delete(fn);
  }, []);
  return { me: current, loaded };
}
