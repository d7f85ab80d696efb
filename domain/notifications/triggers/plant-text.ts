// Records named as the plant names them in messages (the same titles as the back office's pages).
export const joined = (...parts: (string | null | undefined)[]): string => parts.filter(Boolean).join(' · ');

/** A calendar date as the plant writes it (dd/mm/yyyy in both languages). */
export function plantDate(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** An amount grouped the plant's way (9.570,50). */
export function plantAmount(value: number): string {
  return new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

/** A moment in the plant's time zone, dd/mm/yyyy hh:mm (24 h) in both languages. */
export function plantDateTime(moment: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(moment)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}
