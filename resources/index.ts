// Every AdminJS resource, in navigation order.
import type { Db } from '../prisma/client.js';
import type { ResourceWithOptions } from 'adminjs';
import { groupResource } from './core/group.resource.js';
import { userGroupResource } from './core/user-group.resource.js';
import { userProfileResource } from './core/user-profile.resource.js';
import { userResource } from './core/user.resource.js';

export function allResources(prisma: Db): ResourceWithOptions[] {
  return [userResource(prisma), groupResource(prisma), userGroupResource(prisma), userProfileResource(prisma)];
}
