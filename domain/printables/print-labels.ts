// The QR label sheet of the assets a list shows: the rows come from the list's own where (the viewer's
// rules and the list's filters, as for its Excel export), each asset gets its portal link if it has none
// yet, and the sheet is drawn in the chosen format with the active LABEL_SHEET template.
import type { Prisma } from '@prisma/client';
import type { Db } from '../../prisma/client.js';
import type { AppAbility } from '../access/abilities.js';
import { ensurePortalLinks, portalUrl } from '../portal/portal-links.js';
import { Refusal } from '../refusal.js';
import { templateBodyFor } from '../templates/active-template.js';
import type { LabelFormat } from './label-formats.js';
import { labelsPdf } from './labels-pdf.js';
import type { PrintLanguage } from './printable-words.js';

/** More labels than this in one sheet is a list left unfiltered by mistake: the person is asked to filter. */
export const MAX_LABELS = 2_000;

export interface AssetIdSource {
  findMany(args: { where: Record<string, unknown>; select: { id: true }; orderBy: { code: 'asc' }; take: number }): Promise<{ id: number }[]>;
}

export async function printAssetLabels(
  db: Db,
  ability: AppAbility,
  selection: { where: Record<string, unknown>; ids: AssetIdSource },
  options: { format: LabelFormat; language: PrintLanguage; baseUrl: string; title: string; noLinkText: string },
) {
  const chosen = await selection.ids.findMany({ where: selection.where, select: { id: true }, orderBy: { code: 'asc' }, take: MAX_LABELS + 1 });
  if (!chosen.length) throw new Refusal('labelsNoAssets');
  if (chosen.length > MAX_LABELS) throw new Refusal('labelsTooMany', { max: MAX_LABELS });
  const ids = chosen.map((row) => row.id);
  const tokens = await ensurePortalLinks(db, ability, ids);
  const assets = await db.asset.findMany({
    where: { id: { in: ids } } satisfies Prisma.AssetWhereInput,
    orderBy: { code: 'asc' },
    select: { id: true, code: true, description: true, location: { select: { fullName: true } } },
  });
  const body = await templateBodyFor(db, 'LABEL_SHEET', options.language);
  const labels = assets.map((asset) => {
    const token = tokens.get(asset.id);
    return { values: { code: asset.code, name: asset.description, location: asset.location.fullName }, url: token ? portalUrl(options.baseUrl, token) : null };
  });
  return { pdf: labelsPdf(labels, options.format, { body, title: options.title, noLinkText: options.noLinkText }), count: labels.length };
}
