// "Liberar" on an open reservation: what it still holds goes back to available.
import type { Action, ActionResponse } from 'adminjs';
import { canRelease, releaseReservation } from '../../domain/inventory/reservations.js';
import type { Db } from '../../prisma/client.js';
import { recordAction } from '../record-action.js';

export function reservationActions(prisma: Db): Record<'release', Partial<Action<ActionResponse>>> {
  return {
    release: recordAction({
      rule: ['release', 'Reservation'],
      icon: 'Unlock',
      guard: 'confirmReservation_release',
      shownIn: canRelease,
      run: ({ id, ability }) => releaseReservation(prisma, ability, id),
      success: 'reservationReleased',
    }),
  };
}
