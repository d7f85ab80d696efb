// Every custom React component AdminJS bundles, registered in one place.
import { ComponentLoader } from 'adminjs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const componentLoader = new ComponentLoader();

export const Components = {
  Login: componentLoader.override('Login', path.join(here, 'components/login')),
  Dashboard: componentLoader.add('Dashboard', path.join(here, 'components/dashboard')),
  RelatedRecords: componentLoader.add('RelatedRecords', path.join(here, 'components/related-records')),
  HistoryTimeline: componentLoader.add('HistoryTimeline', path.join(here, 'components/history-timeline')),
  HistoryChanges: componentLoader.add('HistoryChanges', path.join(here, 'components/history-changes')),
  ExportHistory: componentLoader.add('ExportHistory', path.join(here, 'components/export-history')),
  ImportWorkbook: componentLoader.add('ImportWorkbook', path.join(here, 'components/import-workbook')),
  ExportList: componentLoader.add('ExportList', path.join(here, 'components/export-list')),
};
