// The technician's day (landing page), completing an order with its report, and the workload beside "Assign".
import type { workdayMessagesES } from './workday.es.js';

export const workdayMessagesEN: Record<keyof typeof workdayMessagesES, string> = {
  myDayTitle: 'My orders today',
  myDayEmpty: 'You have no open orders for today. New ones appear here when they are assigned to you.',
  myDayPlanned: 'Planned: {{date}}',
  myDayOverdue: 'Overdue',
  myDayOpen: 'Open',
  myDayStart: 'Start',
  myDayComplete: 'Complete',
  myDayStartFailed: 'The order could not be started: reload the page and try again.',
  completionRefused: 'The order was not completed: check the marked fields.',
  completeIntro: 'Confirm what was done: the supervisor will close the order with these details.',
  completeSubmit: 'Complete order',
  closeoutFromCompletion: 'Reported by the technician when completing the order: review before closing.',
  boardTitle: 'My area',
  boardOverdue: 'Overdue orders',
  boardDueThisWeek: 'Due this week',
  boardRequestsWaiting: 'Requests waiting',
  boardBacklogByCraft: 'Open orders by craft',
  boardNoTechnician: 'No technician assigned',
  assignWorkload: '{{orders}} open orders · {{hours}} h planned',
};
