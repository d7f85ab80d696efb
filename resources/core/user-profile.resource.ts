import type { ResourceWithOptions } from 'adminjs';
import type { Db } from '../../prisma/client.js';
import { getModel } from '../../admin/dmmf.js';
import { administratorActions } from '../access.js';

export function userProfileResource(prisma: Db): ResourceWithOptions {
  return {
    resource: { model: getModel('UserProfile'), client: prisma },
    options: {
      navigation: { name: 'administration', icon: 'Users' },
      listProperties: ['user', 'phone', 'directManager', 'canApproveRequisitions', 'approvalLimit'],
      editProperties: ['user', 'phone', 'directManager', 'canApproveRequisitions', 'approvalLimit'],
      actions: administratorActions,
    },
  };
}
