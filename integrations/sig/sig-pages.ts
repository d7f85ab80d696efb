// Reading the SIG's pages with cheerio: the login form (whatever hidden fields it carries), the open
// tickets table found by its header names (a reordered column cannot shift data into the wrong field),
// and the link to the next page. Old-system markup is expected: layout tables around the data table,
// <font>/<b>/<span> inside cells, &nbsp; and <br> in the text, header rows made of <td>s.
import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { SigError } from './sig-error.js';

/** One open ticket as the SIG lists it: the text of each column, and the whole row by its headers. */
export interface SigTicketRow {
  number: string;
  type: string;
  description: string;
  requester: string;
  address: string;
  /** As shown, in the plant's local time ("29/11/2026 14:35"); the caller knows the time zone. */
  reportedAt: string;
  priority: string;
  /** Header text → cell text, for the record (what the row said, whatever we made of it). */
  raw: Record<string, string>;
}

type Column = Exclude<keyof SigTicketRow, 'raw'>;

// The columns we need, each with the SIG's header (as a person reads it, for messages) and the spellings
// it has been seen with, compared without accents, case, punctuation or spaces.
const COLUMNS: Record<Column, { header: string; spellings: string[] }> = {
  number: { header: 'Número', spellings: ['numero', 'no', 'nro', 'numeroticket', 'noticket'] },
  type: { header: 'Tipo', spellings: ['tipo', 'tiposolicitud', 'tipodesolicitud'] },
  description: { header: 'Descripción', spellings: ['descripcion', 'detalle'] },
  requester: { header: 'Solicitante', spellings: ['solicitante', 'cliente', 'abonado'] },
  address: { header: 'Dirección', spellings: ['direccion', 'ubicacion', 'direccionubicacion'] },
  reportedAt: { header: 'Fecha', spellings: ['fecha', 'fechahora', 'fechadereporte'] },
  priority: { header: 'Prioridad', spellings: ['prioridad'] },
};

const squeeze = (text: string) => text.replace(/[\s\u00a0]+/g, ' ').trim();
const headerKey = (text: string) =>
  squeeze(text).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');

/** A cell's text as a person reads it: nested markup flattened, <br> and &nbsp; as spaces. */
function cellText($: cheerio.CheerioAPI, cell: AnyNode): string {
  const copy = $(cell).clone();
  copy.find('br').replaceWith(' ');
  copy.find('script, style').remove();
  return squeeze(copy.text());
}

function columnOf(header: string): Column | undefined {
  const key = headerKey(header);
  return (Object.keys(COLUMNS) as Column[]).find((column) => COLUMNS[column].spellings.includes(key));
}

/** The rows a table owns (not those of tables nested in it). */
function ownRows($: cheerio.CheerioAPI, table: Element): Element[] {
  return $(table).children('tr, thead, tbody, tfoot').toArray().flatMap((part) =>
    part.tagName === 'tr' ? [part] : $(part).children('tr').toArray(),
  );
}

export function pageTitle(html: string): string {
  const $ = cheerio.load(html);
  return squeeze($('title').first().text() || $('h1, h2').first().text()) || '(sin título)';
}

export interface LoginForm {
  action: string;
  fields: Record<string, string>;
  usernameField: string;
  passwordField: string;
}

/** The form with a password box, with every named field and its value (hidden tokens included). */
export function findLoginForm(html: string): LoginForm | undefined {
  const $ = cheerio.load(html);
  const form = $('form').filter((_, f) => $(f).find('input[type=password]').length > 0).first();
  if (form.length === 0) return undefined;
  const fields: Record<string, string> = {};
  let usernameField: string | undefined;
  let passwordField: string | undefined;
  form.find('input[name], select[name], textarea[name]').each((_, input) => {
    const name = $(input).attr('name')!;
    const type = ($(input).attr('type') ?? 'text').toLowerCase();
    if (type === 'submit' || type === 'button' || type === 'image' || type === 'reset') return;
    if ((type === 'checkbox' || type === 'radio') && $(input).attr('checked') === undefined) return;
    fields[name] = $(input).attr('value') ?? '';
    if (type === 'password') passwordField ??= name;
    else if ((type === 'text' || type === 'email') && !usernameField) usernameField = name;
  });
  if (!usernameField || !passwordField) return undefined;
  return { action: form.attr('action') ?? '', fields, usernameField, passwordField };
}

export interface TicketListPage {
  rows: SigTicketRow[];
  /** The "next page" link as written in the page (relative), when there is one. */
  nextHref: string | undefined;
}

/**
 * The open-tickets table and the next-page link. A page without the table is a failure, never "no
 * tickets": the SIG shows an empty table (its headers) when nothing is open.
 */
export function readTicketListPage(html: string, pageNumber: number): TicketListPage {
  const $ = cheerio.load(html);
  // The data table is the one whose header row names the most of our columns.
  let best: { table: Element; headerIndex: number; headers: string[]; score: number } | undefined;
  for (const table of $('table').toArray()) {
    const rows = ownRows($, table);
    rows.slice(0, 3).forEach((row, headerIndex) => {
      const headers = $(row).children('th, td').toArray().map((cell) => cellText($, cell));
      const score = new Set(headers.map(columnOf).filter(Boolean)).size;
      if (score >= 2 && (!best || score > best.score)) best = { table, headerIndex, headers, score };
    });
  }
  if (!best) throw new SigError('sigTicketTableMissing', { page: pageNumber, title: pageTitle(html) });

  const positions = new Map<Column, number>();
  best.headers.forEach((header, index) => {
    const column = columnOf(header);
    if (column && !positions.has(column)) positions.set(column, index);
  });
  for (const column of Object.keys(COLUMNS) as Column[])
    if (!positions.has(column)) throw new SigError('sigLayoutChanged', { column: COLUMNS[column].header, page: pageNumber });

  const rows: SigTicketRow[] = [];
  for (const row of ownRows($, best.table).slice(best.headerIndex + 1)) {
    const cells = $(row).children('td, th').toArray().map((cell) => cellText($, cell));
    // Notes and footers ("No hay solicitudes", the pager) span the table in fewer cells: not tickets.
    if (cells.length < best.headers.length) continue;
    const value = (column: Column) => cells[positions.get(column)!] ?? '';
    if (!value('number')) continue;
    const raw = Object.fromEntries(best.headers.map((header, index) => [header || `columna ${index + 1}`, cells[index] ?? '']));
    rows.push({
      number: value('number'),
      type: value('type'),
      description: value('description'),
      requester: value('requester'),
      address: value('address'),
      reportedAt: value('reportedAt'),
      priority: value('priority'),
      raw,
    });
  }

  const next = $('a[href]').filter((_, a) => /siguiente|next|»|>>/i.test(squeeze($(a).text()))).first();
  return { rows, nextHref: next.length ? next.attr('href') : undefined };
}
