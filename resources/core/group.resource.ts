import type { ResourceWithOptions } from 'adminjs';
import type { Db } from '../../prisma/client.js';
import { getModel } from '../../admin/dmmf.js';
import { administratorActions } from '../access.js';

// The five groups are fixed by the domain: they can be renamed and granted history, never added or removed.
export function groupResource(prisma: Db): ResourceWithOptions {
  return {
    resource: { model: getModel('Group'), client: prisma },
    options: {
      navigation: { name: 'administration', icon: 'Users' },
      listProperties: ['code', 'name', 'canReadHistory'],
      editProperties: ['name', 'description', 'canReadHistory'],
      properties: { code: { isDisabled: true } },
      actions: {
        ...administratorActions,
        new: { isAccessible: false },
        delete: { isAccessible: false },
        bulkDelete: { isAccessible: false },
      },
    },
  };
}
