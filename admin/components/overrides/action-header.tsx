// A page is titled by what it shows: a record's page by the record ("OT-2026-82436 · Análisis de
// vibraciones", not "Ver"), its other actions by action and record, a list by the resource's name.
// AdminJS titles and breadcrumbs a page with translateAction(action.label), so the title is registered
// as that translation under a label of its own, and the browser tab carries it too.
import { useTranslation, type ActionHeaderProps } from 'adminjs';
import React, { useEffect } from 'react';

type Props = ActionHeaderProps & { OriginalComponent: React.ComponentType<ActionHeaderProps> };

const ActionHeader: React.FC<Props> = ({ OriginalComponent, ...props }) => {
  const { i18n, translateAction, translateLabel } = useTranslation();
  const { action, record, resource } = props;
  let title: string | null = null;
  if (action && record?.title) title = action.name === 'show' ? record.title : `${translateAction(action.label, resource.id)} · ${record.title}`;
  else if (action?.name === 'list') title = translateLabel(resource.name, resource.id);
  const label = title ? `pageTitle_${action!.name}_${record?.id ?? 'list'}` : null;
  if (title && label) i18n.addResource(i18n.language, 'translation', `resources.${resource.id}.actions.${label}`, title);
  useEffect(() => {
    if (title) document.title = `${title} · Energy CMMS`;
  }, [title]);
  if (!title || !label || !action) return <OriginalComponent {...props} />;
  return <OriginalComponent {...props} action={{ ...action, label }} />;
};

export default ActionHeader;
