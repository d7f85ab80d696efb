// A page is titled by what it shows: a record's page by the record ("OT-2026-82436 · Análisis de
// vibraciones", not "Ver"), its other actions by action and record, a list by the resource's name.
// AdminJS titles and breadcrumbs a page with translateAction(action.label), so the title is registered
// as that translation under a label of its own, and the browser tab carries it too.
import { useTranslation, type ActionHeaderProps } from 'adminjs';
import React, { useEffect } from 'react';
import { listTotalOf } from '../estimated-total.js';
import { formatNumber } from '../plant-format.js';

type Props = ActionHeaderProps & { OriginalComponent: React.ComponentType<ActionHeaderProps> };

const ActionHeader: React.FC<Props> = ({ OriginalComponent, ...props }) => {
  const { i18n, translateAction, translateLabel, translateMessage } = useTranslation();
  const { action, record, resource } = props;
  // A list's total: "aprox. 5.000.000" when it is PostgreSQL's estimate, "más de 1.000" when the count
  // stopped at its cap, grouped digits either way. The tag AdminJS passes is the pager's reach, which
  // may differ (the first 10 000 rows): the total comes from the list's answer (estimated-total.ts).
  const listed = action?.name === 'list' && props.tag && /^\d+$/.test(props.tag) ? (listTotalOf(resource.id) ?? { total: Number(props.tag), kind: 'exact' }) : null;
  const shown = listed && formatNumber(listed.total, i18n.language);
  const tag =
    !listed || !shown
      ? props.tag
      : listed.kind === 'estimate'
        ? translateMessage('listTotalAbout', resource.id, { total: shown })
        : listed.kind === 'moreThan'
          ? translateMessage('listTotalMoreThan', resource.id, { total: shown })
          : shown;
  let title: string | null = null;
  if (action && record?.title) title = action.name === 'show' ? record.title : `${translateAction(action.label, resource.id)} · ${record.title}`;
  else if (action?.name === 'list') title = translateLabel(resource.name, resource.id);
  const label = title ? `pageTitle_${action!.name}_${record?.id ?? 'list'}` : null;
  if (title && label) i18n.addResource(i18n.language, 'translation', `resources.${resource.id}.actions.${label}`, title);
  useEffect(() => {
    if (title) document.title = `${title} · Energy CMMS`;
  }, [title]);
  if (!title || !label || !action) return <OriginalComponent {...props} tag={tag} />;
  return <OriginalComponent {...props} tag={tag} action={{ ...action, label }} />;
};

export default ActionHeader;
