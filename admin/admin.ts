// The AdminJS instance: resources, locale (Spanish by default, English available), branding, dashboard.
import AdminJS from 'adminjs';
import { Database } from '@adminjs/prisma';
import { CmmsPrismaResource } from './adapter/prisma-resource.js';
import type { Db } from '../prisma/client.js';
import { allResources } from '../resources/index.js';
import { Components, componentLoader } from './component-loader.js';
import { en } from './locales/en.js';
import { es } from './locales/es.js';

AdminJS.registerAdapter({ Database, Resource: CmmsPrismaResource });

export const ADMIN_ROOT = '/admin';

export function createAdmin(prisma: Db, language: 'es' | 'en' = 'es'): AdminJS {
  return new AdminJS({
    rootPath: ADMIN_ROOT,
    loginPath: `${ADMIN_ROOT}/login`,
    logoutPath: `${ADMIN_ROOT}/logout`,
    componentLoader,
    resources: allResources(prisma),
    dashboard: {
      component: Components.Dashboard,
      handler: async () => ({
        counts: [
          { label: 'dashboardUsers', value: await prisma.user.count({ where: { isActive: true } }) },
          { label: 'dashboardGroupsCount', value: await prisma.group.count() },
        ],
      }),
    },
    branding: { companyName: 'Energy CMMS', withMadeWithLove: false, logo: false },
    locale: {
      language,
      availableLanguages: ['es', 'en'],
      localeDetection: false,
      translations: { es, en },
    },
  });
}
