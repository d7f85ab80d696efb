import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

// "Espera a": a task waits for another of the same project to finish. Kept from the task's page.
export const projectTaskDependencyResource = (prisma: Db) =>
  defineResource(prisma, 'ProjectTaskDependency', {
    navigation: NAVIGATION.projects,
    listProperties: ['task', 'dependsOn'],
    editProperties: ['task', 'dependsOn'],
    filterProperties: ['task', 'dependsOn'],
    showProperties: ['task', 'dependsOn'],
  });
