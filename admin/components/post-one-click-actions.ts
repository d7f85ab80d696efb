// AdminJS 7 calls an action without a component ("Iniciar", "Convertir en OT"...) by GET (its
// callActionApi; v8 is to make the method configurable). The server refuses state changes by GET, so
// the client sends those calls as POST, which carries the CSRF token like every other write. Only
// callActionApi passes an explicit lower-case `method: 'get'`; page loads pass no method and stay GETs.
import { ApiClient } from 'adminjs';

type Call = { method?: string } & Record<string, unknown>;
const prototype = ApiClient.prototype as unknown as Record<'recordAction' | 'resourceAction' | 'bulkAction', (options: Call) => Promise<unknown>>;

for (const name of ['recordAction', 'resourceAction', 'bulkAction'] as const) {
  const call = prototype[name];
  prototype[name] = function (this: unknown, options: Call) {
    return call.call(this, options?.method === 'get' ? { ...options, method: 'post' } : options);
  };
}

// Registered as a component so the bundle loads this module on every page.
const PostOneClickActions = () => null;
export default PostOneClickActions;
