/** Route table: method + path pattern → auth kind + handler. */
import type { SimContext, SimRequest } from './context.js';
import type { SimResponse } from './http.js';

export type AuthKind = 'token' | 'mj' | 'none';

export interface Route {
  method: string;
  pattern: RegExp;
  auth: AuthKind;
  handle: (
    ctx: SimContext,
    req: SimRequest,
    mode: 'fast' | 'relax' | 'turbo' | null,
  ) => SimResponse | Promise<SimResponse>;
}

export interface RouteMatch {
  route: Route;
  params: string[];
  mode: 'fast' | 'relax' | 'turbo' | null;
}

const MODE_PREFIX = /^\/mj-(fast|relax|turbo)(\/mj\/.*)$/;

/** new-api mounts MJ at /mj/… and /:mode/mj/…; the speed prefix is stripped before matching. */
export function matchRoute(
  routes: readonly Route[],
  method: string,
  path: string,
): RouteMatch | undefined {
  let mode: RouteMatch['mode'] = null;
  let p = path;
  const m = MODE_PREFIX.exec(path);
  if (m?.[1] && m[2]) {
    mode = m[1] as 'fast' | 'relax' | 'turbo';
    p = m[2];
  }
  const verb = method === 'HEAD' ? 'GET' : method;
  for (const route of routes) {
    if (route.method !== verb) continue;
    const hit = route.pattern.exec(p);
    if (hit) return { route, params: hit.slice(1).map((x) => decodeURIComponent(x ?? '')), mode };
  }
  return undefined;
}
