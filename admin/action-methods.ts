// Which HTTP method may call an AdminJS action. State changes only by POST (which carries the CSRF
// token): a one-click action (`component: false`, e.g. "Iniciar", "Convertir en OT", "Generar órdenes")
// does its work on any call, so a GET or HEAD to it is refused before AdminJS runs it. Actions with a
// page answer a GET with their record or form only (AdminJS's built-ins do; our form actions too, and a
// GET runs read-only, see readOnlyRequests in router.ts). HEAD, PUT, DELETE... are never API calls.
import type { ActionDecorator } from 'adminjs';
import { BUILT_IN_ACTIONS } from './access.js';

export function methodAllowed(method: string, action: ActionDecorator): boolean {
  if (method === 'POST') return true;
  if (method !== 'GET') return false;
  return !isOneClick(action);
}

/** One of ours without a page: its handler does its work whatever the method. (AdminJS's own delete has
 * no page either, but its handler answers a GET with the record and deletes only on POST.) */
export function isOneClick(action: ActionDecorator): boolean {
  if (action.name in BUILT_IN_ACTIONS) return false;
  // The decorator keeps the declared options private in its types; they are a plain field at run time.
  return (action as unknown as { action: { component?: unknown } }).action.component === false;
}
