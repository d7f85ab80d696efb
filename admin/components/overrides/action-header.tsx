// A page is titled by what it shows: a record's page by the record ("OT-2026-82436 · Análisis de
// vibraciones", not "Ver"), its other actions by action and record, a list by the resource's name.
// AdminJS titles and breadcrumbs a page with translateAction(action.label), so the title is registered
// as that translation under a label of its own, and the browser tab carries it too.
import { useTranslation, type ActionHeaderProps } from 'adminjs';
import React, { useEffect } from 'react';
import { totalIsEstimate } from '../estimated-total.js';
import { formatNumber } from '../plant-format.js';

type Props = ActionHeaderProps & { OriginalComponent: React.ComponentType<ActionHeaderProps> };

const ActionHeader: React.FC<Props> = ({ OriginalComponent, ...props }) => {
  const { i18n, translateAction, translateLabel, translateMessage } = useTranslation();
  const { action, record, resource } = props;
  // A list's total: "aprox. 5.000.000" when it is PostgreSQL's estimate, grouped digits either way.
  const total = action?.name === 'list' && props.tag && /^\d+$/.test(props.tag) ? Number(props.tag) : null;
  const tag =
    total === null
      ? props.tag
      : totalIsEstimate(resource.id)
        ? translateMessage('listTotalAbout', resource.id, { total: formatNumber(total, i18n.language) })
        : formatNumber(total, i18n.language);
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
