import type { Db } from '../../prisma/client.js';
import { Components } from '../../admin/component-loader.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

// A task of a project: its dates, progress and who does it; on its page, the tasks it waits for (added and
// removed there; the database refuses a cycle or a task of another project, with a message beside it).
export const projectTaskResource = (prisma: Db) =>
  defineResource(prisma, 'ProjectTask', {
    navigation: NAVIGATION.projects,
    sort: { sortBy: 'startsOn', direction: 'asc' },
    listProperties: ['project', 'name', 'startsOn', 'endsOn', 'progress', 'assignee'],
    editProperties: ['project', 'name', 'startsOn', 'endsOn', 'progress', 'assignee'],
    filterProperties: ['project', 'name', 'assignee', 'startsOn', 'endsOn'],
    showProperties: ['project', 'name', 'startsOn', 'endsOn', 'progress', 'assignee', 'dependencies', 'createdAt', 'updatedAt'],
    properties: {
      dependencies: {
        type: 'string',
        components: { show: Components.RelatedRecords },
        custom: {
          resource: 'ProjectTaskDependency', filter: 'task', columns: ['dependsOn'], titleKey: 'relatedTaskDependencies', removable: true,
          add: { choose: 'dependsOn', chooseFrom: 'ProjectTask', buttonKey: 'addTaskDependency' },
        },
      },
    },
  });
