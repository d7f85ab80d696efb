// The AdminJS instance: resources, locale (Spanish by default, English available), branding, dashboard.
import AdminJS from 'adminjs';
import { Database } from '@adminjs/prisma';
import { CmmsPrismaResource, countAsListed, type RawClient } from './adapter/prisma-resource.js';
import { getFullModel } from './dmmf.js';
import type { Db } from '../prisma/client.js';
import type { Prisma } from '@prisma/client';
import { accessibleWhere, type AppAbility } from '../domain/access/abilities.js';
import type { CurrentUser } from '../domain/access/current-user.js';
import { OPEN_WORK_REQUEST_STATES } from '../domain/maintenance/convert-work-request.js';
import { OPEN_WORK_ORDER_STATES } from '../domain/maintenance/work-order-lifecycle.js';
import { kpiBoard } from '../domain/services/kpis.js';
import { todayIn } from '../domain/dates.js';
import { resourceTranslationsEN } from '../domain/labels/resources.en.js';
import { resourceTranslationsES } from '../domain/labels/resources.es.js';
import { technicianDay, type DayOrder } from '../domain/maintenance/technician-day.js';
import { supervisorBoard } from '../domain/maintenance/supervisor-board.js';
import { firstStartChecklist } from '../domain/setup/first-start-checklist.js';
import { languageOf, renderMessage, type Language } from './locales/render.js';
import { allResources } from '../resources/index.js';
import type { ResourceSettings } from '../resources/define-resource.js';
import { abilityOf } from './access.js';
import { Components, componentLoader } from './component-loader.js';
import { en } from './locales/en.js';
import { es } from './locales/es.js';

AdminJS.registerAdapter({ Database, Resource: CmmsPrismaResource });

export const ADMIN_ROOT = '/admin';

/** The dashboard's cards: what each counts, beyond the person's rules (open orders and requests, active people). */
const DASHBOARD_COUNTS: [string, Prisma.ModelName, Record<string, unknown>][] = [
  ['dashboardOpenWorkOrders', 'WorkOrder', { state: { in: [...OPEN_WORK_ORDER_STATES] } }],
  ['dashboardAssets', 'Asset', {}],
  ['dashboardOpenRequests', 'WorkRequest', { state: { in: [...OPEN_WORK_REQUEST_STATES] } }],
  ['dashboardUsers', 'User', { isActive: true }],
];

const SYSTEM_FONTS = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'Liberation Sans', sans-serif";

/** A card's number, counted as the list it stands for counts it (an estimate past 10 000 rows, "aprox.
 * 50.000", like the list's header): a card read by everyone at shift change then costs PostgreSQL a
 * look at its statistics, not a scan of the whole plant (50 000 assets: 5–7 ms on every dashboard). */
async function countOf(prisma: Db, model: Prisma.ModelName, allowed: Record<string, unknown>, counted: Record<string, unknown>) {
  const { rows, estimated, moreThan } = await countAsListed(prisma as unknown as RawClient, getFullModel(model), allowed, counted);
  return { value: rows, kind: estimated ? ('estimate' as const) : moreThan ? ('moreThan' as const) : ('exact' as const) };
}

/** The cards of "Mis órdenes de hoy": closed values in the reader's language (dates are formatted by the page). */
function dayCards(orders: DayOrder[], language: Language) {
  const labels = (language === 'en' ? resourceTranslationsEN : resourceTranslationsES).WorkOrder.labels;
  return orders.map((o) => ({
    ...o,
    kindLabel: labels.kind[o.kind as keyof typeof labels.kind] ?? o.kind,
    stateLabel: labels.state[o.state as keyof typeof labels.state] ?? o.state,
    priorityLabel: labels.priority[o.priority as keyof typeof labels.priority] ?? o.priority,
  }));
}

/** The names of the sites a user is scoped to, for his dashboard; none when he sees the whole plant. */
async function sitesShownTo(prisma: Db, user: CurrentUser | undefined, ability: AppAbility): Promise<string[]> {
  if (!user?.access.sitePaths.length || ability.can('manage', 'all')) return [];
  const sites = await prisma.userSite.findMany({ where: { userId: user.access.userId }, select: { location: { select: { fullName: true } } } });
  return sites.map((site) => site.location.fullName).sort();
}

export function createAdmin(prisma: Db, settings: { language: 'es' | 'en'; timeZone: string; erp?: ResourceSettings['erp']; sigConfigured?: boolean; timeZoneChosen?: boolean; passwordThrottle?: ResourceSettings['passwordThrottle']; transmittals?: ResourceSettings['transmittals']; reports?: Db }): AdminJS {
  // The dashboard's counts, KPIs and supervisor board are reports: the read replica when there is one.
  const reports = settings.reports ?? prisma;
  return new AdminJS({
    rootPath: ADMIN_ROOT,
    loginPath: `${ADMIN_ROOT}/login`,
    logoutPath: `${ADMIN_ROOT}/logout`,
    componentLoader,
    resources: allResources(prisma, { timeZone: settings.timeZone, erp: settings.erp, sigConfigured: settings.sigConfigured, passwordThrottle: settings.passwordThrottle, transmittals: settings.transmittals }),
    dashboard: {
      component: Components.Dashboard,
      // Counts of what this user may see, under the same row rules as the lists.
      handler: async (request, _response, context) => {
        const ability = abilityOf(context.currentAdmin);
        const user = context.currentAdmin as unknown as CurrentUser;
        const language = languageOf(request.query?.language ?? user.locale);
        const today = todayIn(settings.timeZone);
        // Every part is read at once (a fifth of all requests at shift change is a dashboard): its time is
        // the slowest part's, not their sum.
        const counted = Promise.all(
          DASHBOARD_COUNTS.map(async ([label, model, counted]) => {
            const where = accessibleWhere(ability, 'read', model);
            return where ? { label, ...(await countOf(reports, model, where, counted)) } : null;
          }),
        ).then((all) => all.filter((count) => count !== null));
        // KPIs: shown to those who may read the snapshots.
        // A user scoped to sites reads only his sites' snapshots (domain/access/abilities.ts).
        const readable = accessibleWhere(ability, 'read', 'KpiSnapshot') as Prisma.KpiSnapshotWhereInput | null;
        const kpisRead = readable ? kpiBoard(reports, { timeZone: settings.timeZone, readable }) : null;
        // A technician lands on his day: the orders to work today (and overdue ones), under his rules.
        const myDayRead =
          user.access.technicianId !== null
            ? technicianDay(prisma, ability, user.access.technicianId, today).then((orders) => ({ today: today.toISOString().slice(0, 10), orders: dayCards(orders, language) }))
            : null;
        // A supervisor's area: overdue, due this week, backlog by craft, requests waiting.
        const boardRead = supervisorBoard(reports, ability, today).then(
          (area) => area && { ...area, backlogByCraft: area.backlogByCraft.map((row) => ({ ...row, craftLabel: row.craft ?? renderMessage(language, 'boardNoTechnician') })) },
        );
        // An administrator's first start: what the plant still has to set up, from the database's state.
        const checklistRead = ability.can('manage', 'all')
          ? firstStartChecklist(prisma, { timeZone: settings.timeZone, timeZoneChosen: settings.timeZoneChosen ?? false })
          : null;
        const [counts, kpis, myDay, board, checklist, sites] = await Promise.all([counted, kpisRead, myDayRead, boardRead, checklistRead, sitesShownTo(prisma, user, ability)]);
        // The call centre (issue 21): a way to its board for whoever reads tickets.
        const callCentre = ability.can('read', 'Ticket');
        return { counts, kpis, myDay, board, checklist, sites, callCentre };
      },
    },
    // Pages of their own: the jobs monitor (admin/jobs-monitor/router.ts), the notification centre and its
    // preferences (issue 18, over the /admin/notifications routes).
    pages: {
      jobsMonitor: { component: Components.JobsMonitor, icon: 'Activity' },
      notifications: { component: Components.NotificationCentre, icon: 'Bell' },
      notificationPreferences: { component: Components.NotificationPreferences, icon: 'Settings' },
      // energy (issue 25): consumption of the energy meters and each site's energy intensity
      energy: { component: Components.EnergyPage, icon: 'Zap' },
      // availability per location and category (issue 25)
      availability: { component: Components.AvailabilityPage, icon: 'Activity' },
    },
    // The system's own fonts: no page asks another host (AdminJS's Google Fonts link is removed, page-html.ts).
    branding: { companyName: 'Energy CMMS', withMadeWithLove: false, logo: false, theme: { font: SYSTEM_FONTS } as never },
    // A screenful of a plant's list: 25 rows (AdminJS's 10 meant paging through every short list).
    settings: { defaultPerPage: 25 },
    // Each person's own language (users.locale, chosen in the top bar), the plant's default otherwise.
    locale: (currentAdmin) => ({
      language: (currentAdmin as { locale?: 'es' | 'en' } | undefined)?.locale ?? settings.language,
      availableLanguages: ['es', 'en'],
      localeDetection: false,
      translations: { es, en },
    }),
  });
}
