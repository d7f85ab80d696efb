// What every "Exportar a Excel" of a list shares: the list's own filters read from the query string and
// applied through the resource's adapter as the viewer (so his row rules hold), and a streamed .xlsx.
import ExcelJS from 'exceljs';
import type AdminJS from 'adminjs';
import { Filter, type ActionContext, type BaseResource, type CurrentAdmin } from 'adminjs';
import type { Request, Response } from 'express';

export interface ListQuery {
  resource: BaseResource;
  filter: Filter;
  context: ActionContext;
}

/** The list of `resourceId` as `currentAdmin` sees it with the `filters.*` of the request. */
export async function listQueryOf(admin: AdminJS, resourceId: string, currentAdmin: CurrentAdmin | undefined, req: Request): Promise<ListQuery> {
  const resource = admin.findResource(resourceId);
  const filters = Object.fromEntries(
    Object.entries(req.query)
      .filter(([key, value]) => key.startsWith('filters.') && typeof value === 'string')
      .map(([key, value]) => [key.slice('filters.'.length), value as string]),
  );
  const context = { currentAdmin, resource, _admin: admin } as unknown as ActionContext;
  const filter = await new Filter(filters, resource).populate(context);
  // Malformed filters are refused (400) here, before the download's 200 and headers go out.
  await (resource as BaseResource & { buildWhere?(filter: Filter): Promise<unknown> }).buildWhere?.(filter);
  return { resource, filter, context };
}

/** Starts an .xlsx download named `<name>-<today>.xlsx`, written row by row to the response. */
export function xlsxDownload(res: Response, name: string): ExcelJS.stream.xlsx.WorkbookWriter {
  res.status(200);
  res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  res.setHeader('Content-Disposition', `attachment; filename="${name}-${new Date().toISOString().slice(0, 10)}.xlsx"`);
  return new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: true });
}
