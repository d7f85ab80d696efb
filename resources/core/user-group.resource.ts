import type { ResourceWithOptions } from 'adminjs';
import type { Db } from '../../prisma/client.js';
import { getModel } from '../../admin/dmmf.js';
import { administratorActions } from '../access.js';

export function userGroupResource(prisma: Db): ResourceWithOptions {
  return {
    resource: { model: getModel('UserGroup'), client: prisma },
    options: {
      navigation: { name: 'administration', icon: 'Users' },
      listProperties: ['user', 'group'],
      editProperties: ['user', 'group'],
      filterProperties: ['user', 'group'],
      actions: { ...administratorActions, edit: { isAccessible: false } },
    },
  };
}
