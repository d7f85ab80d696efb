// Resource-level access shared by resource files. Row-level rules arrive with the CASL layer (issue 4).
import type { ActionContext } from 'adminjs';
import { isAdministrator } from '../domain/access/current-user.js';

export const administratorsOnly = ({ currentAdmin }: ActionContext): boolean => isAdministrator(currentAdmin);

/** Every built-in action restricted to administrators. */
export const administratorActions = {
  list: { isAccessible: administratorsOnly },
  search: { isAccessible: administratorsOnly },
  show: { isAccessible: administratorsOnly },
  new: { isAccessible: administratorsOnly },
  edit: { isAccessible: administratorsOnly },
  delete: { isAccessible: administratorsOnly },
  bulkDelete: { isAccessible: administratorsOnly },
};
